'use strict';
// Card transactions: spending through the sandbox, then paging with KazePay's limits (page size
// 1-100, pages 1-10), Return All, Limit, and the filters.
const { runNode } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { seedCard, control } = require('./helpers');

const handle = useSandbox();
const credentials = () => ({ kazePayApi: handle.sandbox.credentials().kazepay });
const received = () => handle.sandbox.state('kazepay').received.filter((r) => r.apiCode === 'queryTransactions').map((r) => JSON.parse(r.plaintext));

async function cardWithSpending(count) {
	const card = seedCard(handle.sandbox, { balance: 100_000 });
	for (let i = 1; i <= count; i++) await control(handle.sandbox, 'POST', `/cards/${card.cardID}/spend`, { amount: i, merchantName: `SHOP ${i}` });
	return card;
}

const list = (cardId, extra = {}) => ({ resource: 'transaction', operation: 'getMany', cardId, ...extra });

test('spending shows up as transactions and moves the card balance', async () => {
	const card = await cardWithSpending(3);
	expect(card.balance).toBe(100_000 - 600);
	const result = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true }), credentials: credentials() });
	expect(result.items.map((t) => t.merchantName)).toEqual(['SHOP 3', 'SHOP 2', 'SHOP 1']);
	expect(result.items[0]).toMatchObject({ cardID: card.cardID, transType: 'Expenditure', transStatus: 'Success', cardCurrencyAmt: -3, respCode: '000000' });
	expect(result.raw.every((item) => item.pairedItem.item === 0)).toBe(true);
});

test('Return All walks the pages until a short page', async () => {
	const card = await cardWithSpending(25);
	const result = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true, options: { pageSize: 10 } }), credentials: credentials() });
	expect(result.items).toHaveLength(25);
	expect(new Set(result.items.map((t) => t.transactionId)).size).toBe(25);
	expect(received().map((q) => [q.pageNum, q.pageSize])).toEqual([[1, 10], [2, 10], [3, 10]]);
});

test('Return All stops at page 10, the last page KazePay serves', async () => {
	const card = await cardWithSpending(12);
	const result = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true, options: { pageSize: 1 } }), credentials: credentials() });
	expect(result.items).toHaveLength(10);
	expect(received().map((q) => q.pageNum)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('Limit stops as soon as enough are read; Start Page is where it begins', async () => {
	const card = await cardWithSpending(25);
	const limited = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: false, limit: 12, options: { pageSize: 10 } }), credentials: credentials() });
	expect(limited.items).toHaveLength(12);
	expect(received().map((q) => q.pageNum)).toEqual([1, 2]);
	const fromPage3 = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true, options: { pageSize: 10, pageNum: 3 } }), credentials: credentials() });
	expect(fromPage3.items.map((t) => t.merchantName)).toEqual(['SHOP 5', 'SHOP 4', 'SHOP 3', 'SHOP 2', 'SHOP 1']);
});

test('filters: transaction ID and time range are sent as KazePay names them', async () => {
	const card = await cardWithSpending(2);
	const target = handle.sandbox.state('kazepay').transactions[0];
	const byId = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true, filters: { transactionId: target.transactionId } }), credentials: credentials() });
	expect(byId.items.map((t) => t.transactionId)).toEqual([target.transactionId]);
	const none = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true, filters: { transactionStartTime: '2000-01-01 00:00:00', transactionEndTime: '2000-01-02 00:00:00' } }), credentials: credentials() });
	expect(none.items).toEqual([]);
	expect(received()[1]).toEqual({ cardID: card.cardID, transactionStartTime: '2000-01-01 00:00:00', transactionEndTime: '2000-01-02 00:00:00', pageSize: 100, pageNum: 1 });
});

test('a declined spend on a frozen card is recorded as declined and does not move the balance', async () => {
	const card = seedCard(handle.sandbox, { balance: 1000 });
	await runNode({ type: 'kazePay', parameters: { resource: 'card', operation: 'setStatus', cardId: card.cardID, status: 'INACTIVE' }, credentials: credentials() });
	const declined = await control(handle.sandbox, 'POST', `/cards/${card.cardID}/spend`, { amount: 5 });
	expect(declined).toMatchObject({ transStatus: 'Declined', respCode: '000062' });
	expect(card.balance).toBe(1000);
	const result = await runNode({ type: 'kazePay', parameters: list(card.cardID, { returnAll: true }), credentials: credentials() });
	expect(result.items).toEqual([expect.objectContaining({ transStatus: 'Declined', respCodeDesc: 'Restricted card' })]);
});
