'use strict';
// Calls sent once (issue 12): money moves carry an Idempotency Key from which KazePay's requestNo is
// derived, so KazePay's REPEAT_REQUEST refusal guards them across nodes and processes; createOnce calls
// (assign, KYC, webhook URL) are never resent, their success needs evidence from the signed answer, and an
// "already assigned / already submitted" answer after a lost one is reconciled by a lookup.
const { providerKit } = require('../harness/provider');
const sandboxKazePay = require('../../sandbox/providers/kazepay');
const { seedUser, seedCard, kycParameters, FRONT, HANDHELD } = require('./fixtures');

const kit = providerKit('kazepay');
const { handle } = kit;
const EMAIL = 'kyc@kazepay.io';
const gateway = () => kit.requests('/gateway');
const kazePay = kit.run;

/** A response envelope sealed with the sandbox's platform key (a genuine answer, possibly to another call). */
function genuineResponse(data, apiCode = 'cardRecharge') {
	const state = handle.sandbox.state('kazepay');
	const sealed = sandboxKazePay.seal(state.algorithms, state.platformPrivate, state.merchantPublic, JSON.stringify(data));
	return { head: { apiCode, sysId: state.sysId, requestNo: '2026010100000000000001', version: '1.0', code: 'SUCCESS', detail: 'SUCCESS', sign: sealed.sign, keyEnc: sealed.keyEnc }, body: { encrypt: sealed.encrypt } };
}

const recharge = (card, key, amount = '10.00') => ({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount, idempotencyKey: key });
const recharges = () => handle.sandbox.state('kazepay').transactions.filter((t) => t.transType === 'Recharge');

describe('money moves: requestNo derived from the Idempotency Key', () => {
	test('the same key sends the same requestNo (24 digits) from any node; another key another one', async () => {
		const card = seedCard(handle.sandbox);
		const first = await kazePay(recharge(card, 'order-1'));
		expect(first.error).toBeUndefined();
		expect(first.items[0]).toMatchObject({ idempotencyKey: 'order-1', requestNo: expect.stringMatching(/^\d{24}$/), response: { transactionId: expect.stringMatching(/^LM/) } });
		const second = await kazePay(recharge(card, 'order-2'));
		expect(second.items[0].requestNo).not.toBe(first.items[0].requestNo);
		expect(gateway().map((r) => r.body.head.requestNo)).toEqual([first.items[0].requestNo, second.items[0].requestNo]);
	});

	test('another node (or process) sending a key already sent: KazePay refuses the repeated requestNo, reported as an unknown outcome, nothing moves twice', async () => {
		const card = seedCard(handle.sandbox);
		// node A: the answer is lost, the recharge happened
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const lost = await kazePay(recharge(card, 'order-7'));
		expect(lost.error.context.outcomeUnknown).toBe(true);
		expect(lost.error.message).toMatch(/KazePay requestNo \d{24}/);
		// node B (its own ledger, e.g. another workflow) with the same key
		const other = await kazePay(recharge(card, 'order-7'));
		expect(other.error.message).toMatch(/already received a cardRecharge request with this Idempotency Key \(requestNo \d{24}\)/);
		expect(other.error.message).toMatch(/may or may not have been made: it was not sent again/);
		expect(other.error.context).toMatchObject({ outcomeUnknown: true, providerCode: 'REPEAT_REQUEST' });
		expect(other.error.description).toMatch(/new Idempotency Key/);
		expect(recharges()).toHaveLength(1);
		expect(card.balance).toBe(1000);
	});

	test('Release Idempotency Keys does not make KazePay move money twice for a key it already received', async () => {
		const card = seedCard(handle.sandbox);
		const nodeId = 'kazepay-release-node';
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		await kazePay(recharge(card, 'order-9'), { nodeId });
		const released = await kazePay({ ...recharge(card, 'order-9'), executionOptions: { releaseKeys: true } }, { nodeId });
		expect(released.error.context).toMatchObject({ outcomeUnknown: true, providerCode: 'REPEAT_REQUEST' });
		// the key stays held: a plain run again skips it
		const again = await kazePay(recharge(card, 'order-9'), { nodeId });
		expect(again.items[0]).toMatchObject({ idempotencyKey: 'order-9', skipped: true });
		expect(recharges()).toHaveLength(1);
	});

	test('a genuine, signed recharge answer that names another card or amount is not evidence: unknown outcome', async () => {
		const card = seedCard(handle.sandbox);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ cardID: '9999', currency: 'USD', transactionId: 'LM1', transactionStatus: 'SUCCESS', sendAmount: '10.00' }) });
		const otherCard = await kazePay(recharge(card, 'order-a'));
		expect(otherCard.error.message).toMatch(/without evidence of success \(no cardID "\d+" \(the answer names another card\)\)/);
		expect(otherCard.error.context.outcomeUnknown).toBe(true);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ cardID: card.cardID, currency: 'USD', transactionId: 'LM2', transactionStatus: 'SUCCESS', sendAmount: '1000.00' }) });
		const otherAmount = await kazePay(recharge(card, 'order-b'));
		expect(otherAmount.error.message).toMatch(/no sendAmount 10\.00/);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ cardID: card.cardID, currency: 'USD', sendAmount: '10.00' }) });
		const noId = await kazePay(recharge(card, 'order-c'));
		expect(noId.error.message).toMatch(/no transactionId and transactionStatus/);
		// "10" and "10.00" are the same amount
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ cardID: card.cardID, currency: 'USD', transactionId: 'LM3', transactionStatus: 'PENDING', sendAmount: '10' }) });
		const same = await kazePay(recharge(card, 'order-d'));
		expect(same.error).toBeUndefined();
		expect(same.items[0]).toMatchObject({ money: { amount: '10', currency: 'USD' }, response: { transactionId: 'LM3', sendAmount: '10' } });
	});

	test('a signed answer whose head does not say SUCCESS is not evidence for a money move', async () => {
		const card = seedCard(handle.sandbox, { balance: 100 });
		const answer = genuineResponse({ cardID: card.cardID, status: 'CLOSE_PROCESSING', refundAmt: '1.00', currency: 'USD', txnId: '1' }, 'closeCard');
		delete answer.head.code;
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: answer });
		const result = await kazePay({ resource: 'card', operation: 'close', cardId: card.cardID });
		expect(result.error.message).toMatch(/without evidence of success \(no head\.code SUCCESS\)/);
		expect(result.error.context.outcomeUnknown).toBe(true);
	});
});

describe('createOnce: assign', () => {
	const assign = (stock, options = {}) => ({ resource: 'card', operation: 'assign', email: EMAIL, cardNumber: stock.cardNo, autoActive: true, options });

	test('a lost answer is an unknown outcome, sent once; run again, "already assigned" is reconciled with the card ID the operator found', async () => {
		seedUser(handle.sandbox);
		const stock = Object.values(handle.sandbox.state('kazepay').inventory)[0];
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const lost = await kazePay(assign(stock));
		expect(lost.error.message).toMatch(/The card assignment may or may not have been made: it was not sent again/);
		expect(lost.error.context.outcomeUnknown).toBe(true);
		expect(gateway()).toHaveLength(1);
		const cardID = stock.assignedTo;
		expect(cardID).toBeTruthy();

		// run again without the card ID: KazePay's refusal, with how to reconcile
		const refused = await kazePay(assign(stock));
		expect(refused.error.context.providerCode).toBe('CARD_ALREADY_ASSIGNED');
		expect(refused.error.description).toMatch(/Card ID to Reconcile With/);

		// with the card ID (from the trigger's CARD_ASSIGNED event or the dashboard): looked up, returned
		const reconciled = await kazePay(assign(stock, { reconcileCardId: cardID }));
		expect(reconciled.error).toBeUndefined();
		expect(reconciled.items[0]).toMatchObject({ email: EMAIL, cardID, status: 'ACTIVE', reconciled: true, cardNumber: `************${stock.cardNo.slice(-4)}` });
		expect(Object.keys(handle.sandbox.state('kazepay').cards)).toEqual([cardID]);
		expect(JSON.stringify([lost.error.message, refused.error.message, reconciled.items])).not.toContain(stock.cardNo);
	});

	test('a card ID that is not this card or not this cardholder does not reconcile', async () => {
		seedUser(handle.sandbox);
		seedUser(handle.sandbox, 'other@kazepay.io');
		const [first, second] = Object.values(handle.sandbox.state('kazepay').inventory);
		const mine = await kazePay(assign(first));
		const theirs = await kazePay({ ...assign(second), email: 'other@kazepay.io' });
		// first card again, with the other card's ID: refused
		const wrongCard = await kazePay(assign(first, { reconcileCardId: theirs.items[0].cardID }));
		expect(wrongCard.error.context.providerCode).toBe('CARD_ALREADY_ASSIGNED');
		// the second card (assigned to another cardholder), for me, with its own ID: refused
		const wrongHolder = await kazePay(assign(second, { reconcileCardId: theirs.items[0].cardID }));
		expect(wrongHolder.error.context.providerCode).toBe('CARD_ALREADY_ASSIGNED');
		expect(mine.items[0].cardID).not.toBe(theirs.items[0].cardID);
	});

	test('an answer without a cardID is not a success', async () => {
		seedUser(handle.sandbox);
		const stock = Object.values(handle.sandbox.state('kazepay').inventory)[0];
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ encrypt: 'SUCCESS' }, 'ucardAssign') });
		const result = await kazePay(assign(stock));
		expect(result.error.message).toMatch(/without evidence of success \(no cardID\)/);
		expect(result.error.context.outcomeUnknown).toBe(true);
	});
});

describe('createOnce: KYC submission and webhook URL', () => {
	test('a KYC submitted again after a lost answer is reconciled by its status', async () => {
		const binary = { front: { data: FRONT.toString('base64'), mimeType: 'image/jpeg' }, handheld: { data: HANDHELD.toString('base64'), mimeType: 'image/jpeg' } };
		const parameters = kycParameters({ email: EMAIL, imageSource: 'base64', frontBase64: binary.front.data, handheldBase64: binary.handheld.data });
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const lost = await kazePay(parameters);
		expect(lost.error.message).toMatch(/The KYC submission may or may not have been made/);
		const again = await kazePay(parameters);
		expect(again.error).toBeUndefined();
		expect(again.items[0]).toMatchObject({ email: EMAIL, reconciled: true, response: { status: 'WAITING_KYC' } });
		expect(handle.sandbox.state('kazepay').received.map((r) => r.apiCode)).toEqual(['setUcardKyc', 'setUcardKyc', 'queryUcardKycStatus']);
	});

	test('a webhook URL set whose answer is lost is read back: registered, so reconciled', async () => {
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const result = await kazePay({ resource: 'webhook', operation: 'set', url: 'https://n8n.example.com/webhook/abc/events' });
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ url: 'https://n8n.example.com/webhook/abc/events', reconciled: true });
		expect(handle.sandbox.state('kazepay').received.map((r) => r.apiCode)).toEqual(['setWebhookUrl', 'getWebhookUrl']);
	});
});
