'use strict';
// What KazePay says no to, what goes wrong on the way, and answers that cannot be trusted: provider
// codes become errors with KazePay's code and detail, money moves are sent once, reads are retried
// with a fresh requestNo, and an answer whose envelope does not verify is an error, never data.
const crypto = require('crypto');
const { runWorkflow, node, chain, testCredential } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const sandboxKazePay = require('../../sandbox/providers/kazepay');
const { seedUser, seedCard } = require('./fixtures');

const kit = providerKit('kazepay');
const { handle } = kit;
const EMAIL = 'kyc@kazepay.io';
const credentials = (overrides = {}) => kit.credentials(overrides);
const gatewayCount = () => kit.count({ method: 'POST', path: '/gateway' });
const kazePay = kit.run;

/** A response envelope sealed with the sandbox's platform key (what a genuine answer looks like). */
function genuineResponse(data, signingKey) {
	const state = handle.sandbox.state('kazepay');
	const sealed = sandboxKazePay.seal(state.algorithms, signingKey ?? state.platformPrivate, state.merchantPublic, JSON.stringify(data));
	return { head: { apiCode: 'cardBalance', sysId: state.sysId, requestNo: '2026010100000000000001', version: '1.0', code: 'SUCCESS', detail: 'SUCCESS', sign: sealed.sign, keyEnc: sealed.keyEnc }, body: { encrypt: sealed.encrypt } };
}

/** Everything an error tells (the node's own parameters, which n8n attaches, are the workflow's, not ours). */
function errorText(error) {
	const { node: _node, stack: _stack, ...rest } = JSON.parse(JSON.stringify(error));
	return JSON.stringify({ ...rest, message: error.message, description: error.description });
}

function flip(text, encoding) {
	const data = Buffer.from(text, encoding);
	data[Math.floor(data.length / 2)] ^= 0x01;
	return data.toString(encoding);
}

describe('KazePay refusals', () => {
	test('assigning a card before the KYC has passed: code, detail and a plain-language hint; nothing assigned', async () => {
		seedUser(handle.sandbox, EMAIL, 'WAITING_KYC');
		const stock = Object.values(handle.sandbox.state('kazepay').inventory)[0];
		const result = await kazePay({ resource: 'card', operation: 'assign', email: EMAIL, cardNumber: stock.cardNo, autoActive: true });
		expect(result.error.message).toBe('KazePay: KYC not passed (code KYC_NOT_PASSED)');
		expect(result.error.description).toMatch(/only be assigned or activated after the KYC review has passed/);
		expect(result.error.context.providerCode).toBe('KYC_NOT_PASSED');
		expect(stock.assignedTo).toBeNull();
		// the card number is not in the error either
		expect(errorText(result.error)).not.toContain(stock.cardNo);
	});

	test('the activation code works once: wrong code refused, right code activates, second use refused', async () => {
		seedUser(handle.sandbox);
		const stock = Object.values(handle.sandbox.state('kazepay').inventory)[0];
		const assigned = await kazePay({ resource: 'card', operation: 'assign', email: EMAIL, cardNumber: stock.cardNo, autoActive: false });
		const cardId = assigned.items[0].cardID;
		const card = handle.sandbox.state('kazepay').cards[cardId];
		expect(card.status).toBe('UNACTIVATED');

		const wrong = await kazePay({ resource: 'card', operation: 'activate', cardId, activationCode: '11111111' }, { continueOnFail: true });
		expect(wrong.items[0]).toMatchObject({ errorCode: 'ACTIVATION_CODE_ERROR' });
		expect(card.status).toBe('UNACTIVATED');

		const right = await kazePay({ resource: 'card', operation: 'activate', cardId, activationCode: stock.activationCode });
		expect(right.items[0]).toEqual({ cardID: cardId, encrypt: 'SUCCESS', status: 'ACTIVE_PROCESSING' });

		// run again (as after a lost answer): the code is used, and Card → Get shows the card active, so the
		// activation is reconciled instead of failing
		const again = await kazePay({ resource: 'card', operation: 'activate', cardId, activationCode: stock.activationCode }, { continueOnFail: true });
		expect(again.items[0]).toMatchObject({ cardID: cardId, status: 'ACTIVE', reconciled: true });
		expect(card.status).toBe('ACTIVE');
		expect(handle.sandbox.state('kazepay').received.slice(-2).map((r) => r.apiCode)).toEqual(['ucardActive', 'queryCard']);
		// a used code on a card that is not active (frozen since) is still a refusal
		card.status = 'INACTIVE';
		const frozen = await kazePay({ resource: 'card', operation: 'activate', cardId, activationCode: stock.activationCode }, { continueOnFail: true });
		expect(frozen.items[0]).toMatchObject({ errorCode: 'ACTIVATION_CODE_USED' });
		expect(frozen.items[0].errorDescription).toMatch(/already used/);
		// the code never appears in outputs or errors
		expect(JSON.stringify([wrong.items, right.items, again.items, frozen.items])).not.toContain(stock.activationCode);
	});

	test('activation only after KYC passed', async () => {
		const card = seedCard(handle.sandbox, { status: 'UNACTIVATED' });
		await kit.control('POST', `/kyc/${EMAIL}/decision`, { status: 'REJECTED' });
		const result = await kazePay({ resource: 'card', operation: 'activate', cardId: card.cardID, activationCode: card.activationCode });
		expect(result.error.context.providerCode).toBe('KYC_NOT_PASSED');
		expect(card.status).toBe('UNACTIVATED');
	});

	test('a recharge the merchant account cannot cover moves nothing', async () => {
		const card = seedCard(handle.sandbox);
		const result = await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '20000.00', idempotencyKey: 'err-1' });
		expect(result.error.message).toMatch(/code INSUFFICIENT_BALANCE/);
		expect(handle.sandbox.state('kazepay').merchantBalance.USD).toBe(1_000_000);
		expect(card.balance).toBe(0);
	});

	test('a frozen card cannot be recharged; unfreezing allows it again', async () => {
		const card = seedCard(handle.sandbox);
		await kazePay({ resource: 'card', operation: 'setStatus', cardId: card.cardID, status: 'INACTIVE' });
		const refused = await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '5', idempotencyKey: 'err-2' });
		expect(refused.error.context.providerCode).toBe('CARD_STATUS_ERROR');
		await kazePay({ resource: 'card', operation: 'setStatus', cardId: card.cardID, status: 'ACTIVE' });
		const ok = await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '5', idempotencyKey: 'err-3' });
		expect(ok.error).toBeUndefined();
		expect(card.balance).toBe(500);
	});

	test('details KazePay echoes are redacted: PIN and card number never reach the error', async () => {
		const card = seedCard(handle.sandbox);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: { head: { code: 'PARAM_ERROR', detail: `pin 375426 rejected for card ${card.cardNo}` }, body: {} } });
		const result = await kazePay({ resource: 'card', operation: 'setPin', cardId: card.cardID, pin: '375426' });
		expect(result.error.message).toMatch(/^KazePay: pin \[redacted\] rejected for card \*+\d{4} \(code PARAM_ERROR\)$/);
		expect(errorText(result.error)).not.toContain('375426');
		expect(errorText(result.error)).not.toContain(card.cardNo);
	});
});

describe('money moves and retries', () => {
	test('an activation whose answer is lost says "card activation", not "payment", and is not sent again', async () => {
		const card = seedCard(handle.sandbox, { status: 'UNACTIVATED' });
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const result = await kazePay({ resource: 'card', operation: 'activate', cardId: card.cardID, activationCode: card.activationCode });
		expect(result.error.message).toMatch(/The card activation may or may not have been made: it was not sent again/);
		expect(result.error.message).not.toMatch(/payment/);
		expect(gatewayCount()).toBe(1);
	});

	test('a recharge whose answer is lost is not sent again, and the error says what to look up', async () => {
		const card = seedCard(handle.sandbox);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const result = await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '12.50', idempotencyKey: 'err-4' });
		expect(result.error.message).toMatch(/may or may not have been made: it was not sent again/);
		expect(result.error.message).toMatch(/transactions of card ID "\d+"/);
		expect(gatewayCount()).toBe(1);
		// it did go through once
		expect(handle.sandbox.state('kazepay').merchantBalance.USD).toBe(1_000_000 - 1250);
		expect(card.balance).toBe(1250);
	});

	test('a recharge that gets HTTP 500 is not retried', async () => {
		const card = seedCard(handle.sandbox);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 500 });
		const result = await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '1', idempotencyKey: 'err-5' });
		expect(result.error.message).toMatch(/not sent again/);
		expect(gatewayCount()).toBe(1);
	});

	test('closing a card is not retried either', async () => {
		const card = seedCard(handle.sandbox, { balance: 700 });
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'drop-after' });
		const result = await kazePay({ resource: 'card', operation: 'close', cardId: card.cardID });
		expect(result.error.message).toMatch(/not sent again/);
		expect(gatewayCount()).toBe(1);
		expect(handle.sandbox.state('kazepay').merchantBalance.USD).toBe(1_000_000 + 700);
	});

	test('a read is retried after HTTP 503, each attempt with a new requestNo', async () => {
		const card = seedCard(handle.sandbox, { balance: 1234 });
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 503 });
		const result = await kazePay({ resource: 'card', operation: 'getBalance', cardId: card.cardID, currency: 'USD' });
		expect(result.items).toMatchObject([{ cardID: card.cardID, available: { amount: '12.34', currency: 'USD' }, response: { cardID: card.cardID, currency: 'USD', avaBalance: 12.34, blockBalance: 0 } }]);
		expect(gatewayCount()).toBe(2);
		const requestNos = handle.sandbox.requests.filter((r) => r.provider === 'kazepay').map((r) => r.body.head.requestNo);
		expect(new Set(requestNos).size).toBe(2);
	});
});

describe('answers that do not verify are errors, never data', () => {
	test('control: a genuine platform-sealed answer is used', async () => {
		const card = seedCard(handle.sandbox);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ cardID: card.cardID, currency: 'USD', avaBalance: 99.5, blockBalance: 0 }) });
		const result = await kazePay({ resource: 'card', operation: 'getBalance', cardId: card.cardID, currency: 'USD' });
		expect(result.items[0].response.avaBalance).toBe(99.5);
		expect(result.items[0].available).toEqual({ amount: '99.5', currency: 'USD', minor: 9950 });
	});

	test.each([
		['encrypt', (e) => (e.body.encrypt = flip(e.body.encrypt, 'base64'))],
		['keyEnc', (e) => (e.head.keyEnc = flip(e.head.keyEnc, 'hex'))],
		['sign', (e) => (e.head.sign = flip(e.head.sign, 'hex'))],
		['sign missing', (e) => delete e.head.sign],
		['no body', (e) => (e.body = {})],
	])('one changed byte in the answer (%s)', async (_name, tamper) => {
		const card = seedCard(handle.sandbox);
		const forged = genuineResponse({ cardID: card.cardID, currency: 'USD', avaBalance: 99.5, blockBalance: 0 });
		tamper(forged);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: forged });
		const result = await kazePay({ resource: 'card', operation: 'getBalance', cardId: card.cardID, currency: 'USD' }, { continueOnFail: true });
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toEqual({
			error: expect.stringMatching(/^KazePay's answer to cardBalance could not be verified/),
			errorCode: 'RESPONSE_NOT_VERIFIED',
			httpCode: '200',
			errorDescription: expect.stringMatching(/The answer was not used/),
		});
		expect(JSON.stringify(result.items)).not.toContain('99.5');
	});

	test('an answer signed with another key is refused; for a recharge the outcome is reported as unknown', async () => {
		const card = seedCard(handle.sandbox);
		const impostor = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ cardID: card.cardID, transactionStatus: 'SUCCESS' }, impostor) });
		const result = await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '3', idempotencyKey: 'err-6' });
		expect(result.error.message).toMatch(/could not be verified: the signature \(sign\) does not match/);
		expect(result.error.message).toMatch(/may or may not have been made: it was not sent again/);
		expect(gatewayCount()).toBe(1);
	});

	test('an inner result FAILED is an error', async () => {
		const card = seedCard(handle.sandbox);
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineResponse({ encrypt: 'FAILED' }) });
		const result = await kazePay({ resource: 'card', operation: 'setPin', cardId: card.cardID, pin: '123456' });
		expect(result.error.message).toBe('KazePay answered FAILED to cardSetPin');
	});
});

describe('credential', () => {
	test('the credential test reads the webhook URL through the envelope', async () => {
		const good = await testCredential('kazePayApi', credentials().kazePayApi);
		expect(good).toMatchObject({ ok: true, status: 200, body: { head: { code: 'SUCCESS' } } });
		expect(handle.sandbox.state('kazepay').received.map((r) => r.apiCode)).toEqual(['getWebhookUrl']);
	});

	test('the credential test is a read: it changes nothing at KazePay (webhook URL, cards, balances unchanged)', async () => {
		await kit.run({ resource: 'webhook', operation: 'set', url: 'https://n8n.example.com/webhook/kept' });
		const business = () => {
			const { webhookUrl, users, inventory, cards, transactions, merchantBalance, events } = kit.state();
			return JSON.stringify({ webhookUrl, users, inventory, cards, transactions, merchantBalance, events });
		};
		const before = business();
		expect((await testCredential('kazePayApi', credentials().kazePayApi)).ok).toBe(true);
		expect(business()).toBe(before);
		expect(kit.state().received.map((r) => r.apiCode)).toEqual(['setWebhookUrl', 'getWebhookUrl']);
	});

	test('Environment: a Custom URL is called; a credential saved before the Environment field (Endpoint URL only) is Production and still works', async () => {
		const demo = credentials().kazePayApi;
		expect(demo).toMatchObject({ environment: 'custom', customUrl: expect.stringMatching(/\/kazepay\/gateway$/) });
		const { environment: _environment, customUrl, ...rest } = demo;
		const old = { ...rest, endpointUrl: customUrl };
		const result = await kazePay({ resource: 'webhook', operation: 'get' }, { credentials: { kazePayApi: old } });
		expect(result.error).toBeUndefined();
		expect((await testCredential('kazePayApi', old)).ok).toBe(true);
		// Production with an Endpoint URL elsewhere: the Custom URL left in the credential is not used
		const production = await kazePay(
			{ resource: 'webhook', operation: 'get' },
			{ credentials: { kazePayApi: { ...demo, environment: 'production', endpointUrl: 'ftp://nowhere' } } },
		);
		expect(production.error.message).toBe('KazePay credential: the endpoint URL must start with https:// or http://');
		expect(gatewayCount()).toBe(2);
	});

	test('the credential test fails for an unknown sysId or a merchant key KazePay does not know', async () => {
		const wrongSysId = await testCredential('kazePayApi', credentials({ sysId: '999' }).kazePayApi);
		expect(wrongSysId).toMatchObject({ ok: false, status: 401, body: { head: { code: 'SYS_ID_ERROR' } } });
		const otherKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
		const wrongKey = await testCredential('kazePayApi', credentials({ merchantPrivateKey: otherKey }).kazePayApi);
		expect(wrongKey).toMatchObject({ ok: false, status: 401, body: { head: { code: 'SIGN_ERROR' } } });
	});

	test('the sandbox hands out its full demo credential over the control API (for a real n8n)', async () => {
		const answer = await (await fetch(`${handle.sandbox.baseUrl}/_control/kazepay/credentials`)).json();
		expect(answer).toEqual(handle.sandbox.credentials().kazepay);
		expect(answer.merchantPrivateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
		expect((await testCredential('kazePayApi', answer)).ok).toBe(true);
	});

	test('a private key that is not a key fails the item with a plain message and sends nothing', async () => {
		const result = await kazePay({ resource: 'kyc', operation: 'getStatus', email: EMAIL }, { credentials: credentials({ merchantPrivateKey: 'MIIEv-not-a-key' }) });
		expect(result.error.message).toBe('KazePay credential: the private key is not a valid RSA private key (PEM or Base64)');
		expect(gatewayCount()).toBe(0);
	});

	test('a request KazePay cannot verify (wrong merchant key) is a clear error naming the credential settings', async () => {
		const otherKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
		const result = await kazePay({ resource: 'kyc', operation: 'getStatus', email: EMAIL }, { credentials: credentials({ merchantPrivateKey: otherKey }) });
		expect(result.error.message).toMatch(/\(code SIGN_ERROR\)/);
		expect(result.error.description).toMatch(/merchant private key/);
		// the key never appears in the error
		expect(errorText(result.error)).not.toContain(otherKey.split('\n')[1]);
	});
});

describe('KYC review', () => {
	test('WAITING_KYC → REJECTED: assignment refused, a new submission starts a new review', async () => {
		const { FRONT, HANDHELD, binaryOf, kycParameters } = require('./fixtures');
		const item = { json: { email: EMAIL }, binary: { front: binaryOf(FRONT, 'f.jpg'), handheld: binaryOf(HANDHELD, 'h.jpg') } };
		const submit = async () => {
			const nodes = [node('Start', 'harness.start'), node('Submit', 'kazePay', kycParameters())];
			const run = await runWorkflow({ nodes, connections: chain('Start', 'Submit'), credentials: credentials(), input: [item] });
			return run.output('Submit')[0].json;
		};
		const status = async () => (await kazePay({ resource: 'kyc', operation: 'getStatus', email: EMAIL })).items[0].response.status;
		expect(await submit()).toMatchObject({ response: { status: 'WAITING_KYC' } });
		expect(await status()).toBe('WAITING_KYC');
		await kit.control('POST', `/kyc/${EMAIL}/decision`, { status: 'REJECTED' });
		expect(await status()).toBe('REJECTED');
		const stock = Object.values(handle.sandbox.state('kazepay').inventory)[0];
		const assign = await kazePay({ resource: 'card', operation: 'assign', email: EMAIL, cardNumber: stock.cardNo, autoActive: true });
		expect(assign.error.context.providerCode).toBe('KYC_NOT_PASSED');
		expect(await submit()).toMatchObject({ response: { status: 'WAITING_KYC' } });
		await kit.control('POST', `/kyc/${EMAIL}/decision`, { status: 'PASSED' });
		expect(await status()).toBe('PASSED');
	});

	test('status of an email without KYC: USER_NOT_FOUND', async () => {
		const result = await kazePay({ resource: 'kyc', operation: 'getStatus', email: 'nobody@kazepay.io' }, { continueOnFail: true });
		expect(result.items[0]).toMatchObject({ errorCode: 'USER_NOT_FOUND', errorDescription: expect.stringMatching(/Submit the KYC first/) });
	});
});

describe('several items', () => {
	test('recharges of several cards in parallel: each sent once, each with its own requestNo, output in input order', async () => {
		const cards = [seedCard(handle.sandbox), seedCard(handle.sandbox), seedCard(handle.sandbox)];
		const result = await kazePay(
			{ resource: 'card', operation: 'recharge', cardId: '={{ $json.cardId }}', currency: 'USD', amount: '={{ $json.amount }}', idempotencyKey: '=topup-{{ $json.cardId }}', executionOptions: { parallelRequests: 3 } },
			{ items: cards.map((card, index) => ({ cardId: card.cardID, amount: `${index + 1}.10` })) },
		);
		expect(result.items.map((item) => [item.cardID, item.response.sendAmount])).toEqual(cards.map((card, index) => [card.cardID, `${index + 1}.10`]));
		expect(result.raw.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(cards.map((card) => card.balance)).toEqual([110, 210, 310]);
		expect(handle.sandbox.state('kazepay').merchantBalance.USD).toBe(1_000_000 - 630);
		expect(gatewayCount()).toBe(3);
		expect(new Set(handle.sandbox.state('kazepay').received.map((r) => r.requestNo)).size).toBe(3);
	});
});

describe('replays', () => {
	test('an envelope captured on the wire and sent again is refused by requestNo, and the recharge does not repeat', async () => {
		const card = seedCard(handle.sandbox);
		await kazePay({ resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '2.00', idempotencyKey: 'err-7' });
		const [captured] = handle.sandbox.requests.filter((r) => r.provider === 'kazepay');
		const { post } = require('../harness/n8n');
		const replay = await post(`${handle.sandbox.baseUrl}/kazepay/gateway`, captured.body);
		expect(replay.body.head).toMatchObject({ code: 'REPEAT_REQUEST' });
		expect(card.balance).toBe(200);
		expect(handle.sandbox.state('kazepay').merchantBalance.USD).toBe(1_000_000 - 200);
	});
});
