'use strict';
// The whole life of a physical card as one n8n workflow run through n8n-core's engine against the
// sandbox: KYC → status → assign → activate → PIN → card → recharge → balance → transactions →
// freeze → close. Asserts every output, the sandbox's state afterwards, and that no card secret is
// in any output or log line.
const crypto = require('crypto');
const { runWorkflow, node, chain, logLines } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { FRONT, HANDHELD, binaryOf, kycParameters, expectNoSecrets } = require('./fixtures');

const kit = providerKit('kazepay', { providerOptions: { kazepay: { autoReview: 'PASSED' } } });
const { handle } = kit;
const EMAIL = 'kyc@kazepay.io';
const PIN = '375426';

function lifeWorkflow() {
	const start = "$('Start').item.json";
	const cardId = "={{ $('Assign').item.json.cardID }}";
	const nodes = [
		node('Start', 'harness.start'),
		node('Submit KYC', 'kazePay', kycParameters()),
		node('KYC Status', 'kazePay', { resource: 'kyc', operation: 'getStatus', email: `={{ ${start}.email }}` }),
		node('Assign', 'kazePay', { resource: 'card', operation: 'assign', email: `={{ ${start}.email }}`, cardNumber: `={{ ${start}.cardNumber }}`, autoActive: false }),
		node('Activate', 'kazePay', { resource: 'card', operation: 'activate', cardId, activationCode: `={{ ${start}.activationCode }}` }),
		node('Set PIN', 'kazePay', { resource: 'card', operation: 'setPin', cardId, pin: `={{ ${start}.pin }}` }),
		node('Get Card', 'kazePay', { resource: 'card', operation: 'get', cardId }),
		node('Recharge', 'kazePay', { resource: 'card', operation: 'recharge', cardId, currency: 'USD', amount: '50.25', idempotencyKey: 'life-topup-1' }),
		node('Balance', 'kazePay', { resource: 'card', operation: 'getBalance', cardId, currency: 'USD' }),
		node('Transactions', 'kazePay', { resource: 'transaction', operation: 'getMany', cardId, returnAll: true }),
		node('Freeze', 'kazePay', { resource: 'card', operation: 'setStatus', cardId, status: 'INACTIVE' }),
		node('Close', 'kazePay', { resource: 'card', operation: 'close', cardId }),
	];
	return { nodes, connections: chain(...nodes.map((n) => n.name)) };
}

test('KYC → status → assign → activate → PIN → recharge → balance → transactions → freeze → close', async () => {
	const { sandbox } = handle;
	const before = sandbox.state('kazepay');
	const stock = Object.values(before.inventory)[0];
	const initialMerchant = before.merchantBalance.USD;
	const logStart = logLines.length;

	const { nodes, connections } = lifeWorkflow();
	const result = await runWorkflow({
		nodes,
		connections,
		credentials: { kazePayApi: sandbox.credentials().kazepay },
		input: [
			{
				json: { email: EMAIL, cardNumber: stock.cardNo, activationCode: stock.activationCode, pin: PIN },
				binary: { front: binaryOf(FRONT, 'front.jpg'), handheld: binaryOf(HANDHELD, 'handheld.jpg') },
			},
		],
	});
	expect(result.error).toBeUndefined();
	const out = (name) => result.output(name).map((item) => item.json);

	// KazePay's answers are passed on untouched: as the item, or under response beside what the node adds
	expect(out('Submit KYC')).toEqual([{ email: EMAIL, response: { encrypt: 'SUCCESS', status: 'WAITING_KYC' } }]);
	expect(out('KYC Status')).toEqual([{ email: EMAIL, response: { encrypt: 'SUCCESS', status: 'PASSED' } }]);
	const [assigned] = out('Assign');
	expect(assigned).toEqual({
		cardID: expect.stringMatching(/^\d+$/),
		email: EMAIL,
		cardNumber: `************${stock.cardNo.slice(-4)}`,
		autoActive: false,
		response: { encrypt: 'SUCCESS', cardID: assigned.cardID },
	});
	const cardID = assigned.cardID;
	expect(out('Activate')).toEqual([{ encrypt: 'SUCCESS', cardID, status: 'ACTIVE_PROCESSING' }]);
	expect(out('Set PIN')).toEqual([{ cardID, pinSet: true, response: { encrypt: 'SUCCESS' } }]);
	const [card] = out('Get Card');
	expect(card).toMatchObject({ cardID, cardNo: `************${stock.cardNo.slice(-4)}`, userBankCardStatus: 'ACTIVE', expiryDate: '2911', cardHolderEmail: EMAIL });
	expect(card).not.toHaveProperty('cardCvv');
	const [recharge] = out('Recharge');
	// money both ways: KazePay's sendAmount untouched, and the amount in major units with its currency
	expect(recharge).toMatchObject({
		cardID,
		requestNo: expect.stringMatching(/^\d{24}$/),
		money: { amount: '50.25', currency: 'USD', minor: 5025 },
		response: { cardID, currency: 'USD', transactionStatus: 'PENDING', sendAmount: '50.25', transactionId: expect.stringMatching(/^LM\d+$/) },
	});
	expect(out('Balance')).toEqual([
		{
			cardID,
			available: { amount: '50.25', currency: 'USD', minor: 5025 },
			blocked: { amount: '0', currency: 'USD', minor: 0 },
			response: { cardID, currency: 'USD', avaBalance: 50.25, blockBalance: 0 },
		},
	]);
	const transactions = out('Transactions');
	expect(transactions).toHaveLength(1);
	// Simplify (on by default) keeps the fields most people map, plus money
	expect(transactions[0]).toEqual({
		transactionId: recharge.response.transactionId,
		transactionTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		transType: 'Recharge',
		transStatus: 'Success',
		merchantName: expect.any(String),
		cardCurrencyAmt: 50.25,
		cardCurrency: 'USD',
		transCurrencyAmt: expect.any(Number),
		transCurrency: expect.any(String),
		fee: expect.any(Number),
		feeCurrency: expect.any(String),
		money: { amount: '50.25', currency: 'USD', minor: 5025 },
	});
	expect(out('Freeze')).toEqual([{ cardID, status: 'INACTIVE' }]);
	// the close's Idempotency Key defaults to the card ID; KazePay's requestNo is derived from it (24 digits)
	expect(out('Close')).toEqual([
		{
			cardID,
			requestNo: expect.stringMatching(/^\d{24}$/),
			refund: { amount: '50.25', currency: 'USD', minor: 5025 },
			response: { cardID, status: 'CLOSE_PROCESSING', refundAmt: '50.25', currency: 'USD', txnId: expect.any(String) },
			idempotencyKey: cardID,
		},
	]);

	// every output item is paired with its input item
	for (const n of nodes.slice(1)) expect(result.output(n.name)[0].pairedItem).toEqual({ item: 0 });

	// the sandbox's state afterwards
	const state = sandbox.state('kazepay');
	expect(state.users[EMAIL]).toMatchObject({ status: 'PASSED', firstName: 'Trump', countryCode: 'FR', identificationType: 'PASSPORT' });
	expect(state.users[EMAIL].images).toEqual({ front: expect.any(Number), back: 0, handheld: expect.any(Number) });
	expect(state.users[EMAIL].imagePrefixes.front).toBe(`data:image/jpeg;base64,${FRONT.toString('base64')}`.slice(0, 30));
	const stored = state.cards[cardID];
	expect(stored).toMatchObject({ cardNo: stock.cardNo, status: 'CLOSED', activationUsed: true, balance: 0, email: EMAIL });
	expect(stored.pinHash).toBe(crypto.createHash('sha256').update(`${cardID}:${PIN}`).digest('hex'));
	expect(state.inventory[stock.cardNo].assignedTo).toBe(cardID);
	// 50.25 left the merchant account once and came back once when the card was closed
	expect(state.merchantBalance.USD).toBe(initialMerchant);
	expect(state.transactions.map((t) => [t.transType, t.cardCurrencyAmt])).toEqual([['Recharge', 50.25], ['Refund', -50.25]]);
	// the amount was sent with its exact digits
	expect(state.transactions[0].rawAmount).toBe('50.25');
	// one request per node, each with its own requestNo
	expect(state.received.map((r) => r.apiCode)).toEqual(['setUcardKyc', 'queryUcardKycStatus', 'ucardAssign', 'ucardActive', 'cardSetPin', 'queryCard', 'cardRecharge', 'cardBalance', 'queryTransactions', 'updCardStatus', 'closeCard']);
	expect(new Set(state.received.map((r) => r.requestNo)).size).toBe(11);
	expect(sandbox.count({ provider: 'kazepay', method: 'POST', path: '/gateway' })).toBe(11);

	// no card secret anywhere in the KazePay nodes' outputs or in the log
	const outputs = nodes.slice(1).map((n) => result.output(n.name));
	expectNoSecrets(outputs, { cardNumbers: [stock.cardNo], cvvs: [stock.cvv], values: [PIN, stock.activationCode] });
	expectNoSecrets(logLines.slice(logStart), { cardNumbers: [stock.cardNo], values: [PIN, stock.activationCode] });
	// and the raw requests on the wire carry none of them in clear text either
	const wire = JSON.stringify(sandbox.requests.filter((r) => r.provider === 'kazepay').map((r) => r.body));
	for (const secret of [stock.cardNo, PIN, stock.activationCode, EMAIL, FRONT.toString('base64').slice(0, 40)]) expect(wire).not.toContain(secret);
});

test('the operator can switch on the full card number and CVV for Get Card', async () => {
	const { sandbox } = handle;
	const stock = Object.values(sandbox.state('kazepay').inventory)[1];
	const credentials = { kazePayApi: sandbox.credentials().kazepay };
	const nodes = [
		node('Start', 'harness.start'),
		node('Submit KYC', 'kazePay', kycParameters()),
		node('Assign', 'kazePay', { resource: 'card', operation: 'assign', email: EMAIL, cardNumber: stock.cardNo, autoActive: true, options: { revealCardData: true } }),
		node('Get Card', 'kazePay', { resource: 'card', operation: 'get', cardId: "={{ $('Assign').item.json.cardID }}", options: { revealCardData: true } }),
	];
	const result = await runWorkflow({
		nodes,
		connections: chain(...nodes.map((n) => n.name)),
		credentials,
		input: [{ json: { email: EMAIL }, binary: { front: binaryOf(FRONT, 'f.jpg'), handheld: binaryOf(HANDHELD, 'h.jpg') } }],
	});
	expect(result.error).toBeUndefined();
	expect(result.output('Assign')[0].json.cardNumber).toBe(stock.cardNo);
	expect(result.output('Assign')[0].json.response).toEqual({ encrypt: 'SUCCESS', cardID: expect.any(String) });
	expect(result.output('Get Card')[0].json).toMatchObject({ cardNo: stock.cardNo, cardCvv: stock.cvv, userBankCardStatus: 'ACTIVE' });
});
