'use strict';
// The KazePay Trigger: registers its URL on activation (setWebhookUrl, read back with getWebhookUrl),
// accepts only envelopes that decrypt with the merchant key and carry the platform's signature, and
// starts the workflow once per event however often KazePay retries it.
const crypto = require('crypto');
const { startTrigger, node, post, runNode } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const sandboxKazePay = require('../../sandbox/providers/kazepay');
const { seedUser, seedCard } = require('./fixtures');

const kit = providerKit('kazepay');
const { handle } = kit;
const EMAIL = 'kyc@kazepay.io';
const triggers = [];

afterEach(async () => {
	while (triggers.length) await triggers.pop().close();
});

async function activeTrigger(parameters = {}) {
	const t = await startTrigger({
		trigger: node('KazePay Trigger', 'kazePayTrigger', parameters),
		downstream: [node('After', 'harness.passThrough')],
		credentials: { kazePayApi: handle.sandbox.credentials().kazepay },
	});
	triggers.push(t);
	expect(await t.activate()).toEqual(['created']);
	return t;
}

/** Waits until event `index` has `count` deliveries and every resulting run has finished. */
async function delivered(t, index, count = 1) {
	await kit.waitFor(() => (handle.sandbox.state('kazepay').events[index] || { deliveries: [] }).deliveries.length >= count);
	await t.settle();
}

function genuineEnvelope(event, signingKey) {
	const state = handle.sandbox.state('kazepay');
	const sealed = sandboxKazePay.seal(state.algorithms, signingKey ?? state.platformPrivate, state.merchantPublic, JSON.stringify(event));
	return { head: { apiCode: 'webhookNotify', sysId: state.sysId, requestNo: '2026010100000000000009', version: '1.0', sign: sealed.sign, keyEnc: sealed.keyEnc }, body: { encrypt: sealed.encrypt } };
}

test('activation registers the trigger URL and reads it back; a second activation finds it', async () => {
	const t = await activeTrigger();
	const state = handle.sandbox.state('kazepay');
	expect(state.webhookUrl).toBe(t.url());
	expect(state.received.map((r) => r.apiCode)).toEqual(['getWebhookUrl', 'getWebhookUrl', 'setWebhookUrl', 'getWebhookUrl']);
	expect(JSON.parse(state.received[2].plaintext)).toEqual({ url: t.url() });
	expect(await t.activate()).toEqual(['exists']);
	expect(await t.deactivate()).toEqual([true]);
});

test('stopping puts back the URL that was registered before (e.g. production after a test listen)', async () => {
	handle.sandbox.state('kazepay').webhookUrl = 'https://n8n.example.com/webhook/prod/events';
	const t = await activeTrigger();
	expect(handle.sandbox.state('kazepay').webhookUrl).toBe(t.url());
	expect(await t.deactivate()).toEqual([true]);
	expect(handle.sandbox.state('kazepay').webhookUrl).toBe('https://n8n.example.com/webhook/prod/events');
	// when someone else registered meanwhile, their URL is left alone
	const again = await activeTrigger();
	handle.sandbox.state('kazepay').webhookUrl = 'https://other.example.com/hook';
	expect(await again.deactivate()).toEqual([true]);
	expect(handle.sandbox.state('kazepay').webhookUrl).toBe('https://other.example.com/hook');
});

test('activation fails when KazePay reads back another URL', async () => {
	const t = await startTrigger({ trigger: node('KazePay Trigger', 'kazePayTrigger', {}), credentials: { kazePayApi: handle.sandbox.credentials().kazepay } });
	triggers.push(t);
	// answers to: checkExists (get), create: previous (get), set, read back (get)
	for (const data of [{ encrypt: 'SUCCESS', url: '' }, { encrypt: 'SUCCESS', url: '' }, { encrypt: 'SUCCESS', url: 'x' }, { encrypt: 'SUCCESS', url: 'https://someone-else.example/hook' }]) {
		handle.sandbox.injectFault({ provider: 'kazepay', kind: 'status', status: 200, body: genuineEnvelope(data) });
	}
	await expect(t.activate()).rejects.toThrow(/reports "https:\/\/someone-else.example\/hook" instead of this trigger's URL/);
});

test('a KYC decision arrives as a verified event and starts the workflow once', async () => {
	seedUser(handle.sandbox, EMAIL, 'WAITING_KYC');
	const t = await activeTrigger();
	await kit.control('POST', `/kyc/${EMAIL}/decision`, { status: 'PASSED' });
	await delivered(t, 0);
	expect(t.executions).toHaveLength(1);
	// every field is signed content except unsignedHead (the envelope head is not signed)
	expect(t.executions[0].items).toEqual([expect.objectContaining({ eventType: 'KYC_STATUS', email: EMAIL, status: 'PASSED', verification: 'signature', verified: true, unsignedHead: { apiCode: 'webhookNotify', requestNo: expect.stringMatching(/^\d{22}$/) } })]);
	expect(t.executions[0].items[0]).not.toHaveProperty('apiCode');
	expect(t.executions[0].items[0]).not.toHaveProperty('requestNo');
	expect(t.executions[0].output('After')).toHaveLength(1);
	const [delivery] = handle.sandbox.state('kazepay').events[0].deliveries;
	expect(delivery.status).toBe(200);
	expect(JSON.parse(delivery.response)).toEqual({ code: 'SUCCESS', detail: 'SUCCESS' });
});

test("KazePay's five retries of an event (same envelope, or re-sealed with a new requestNo) start nothing more", async () => {
	seedUser(handle.sandbox, EMAIL, 'WAITING_KYC');
	const t = await activeTrigger();
	await kit.control('POST', `/kyc/${EMAIL}/decision`, { status: 'PASSED' });
	await delivered(t, 0);
	for (const reseal of [false, true, false, true, true]) {
		const delivery = (await kit.control('POST', '/events/0/redeliver', { reseal })).body;
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.response)).toEqual({ code: 'SUCCESS', detail: 'SUCCESS' });
	}
	await t.settle();
	expect(t.executions).toHaveLength(1);
	// a different event is a new execution
	seedUser(handle.sandbox, 'other@kazepay.io', 'WAITING_KYC');
	await kit.control('POST', '/kyc/other@kazepay.io/decision', { status: 'REJECTED' });
	await delivered(t, 1);
	expect(t.executions).toHaveLength(2);
	expect(t.executions[1].items[0]).toMatchObject({ email: 'other@kazepay.io', status: 'REJECTED' });
});

test('a replay with an edited head (apiCode, requestNo, sysId: not signed) is still the same event', async () => {
	const t = await activeTrigger();
	const genuine = genuineEnvelope({ eventType: 'CARD_RECHARGE', cardID: '3377', transactionId: 'LM1', amount: '10.00' });
	expect((await post(t.url(), genuine)).status).toBe(200);
	for (const edit of [(h) => (h.apiCode = 'cardRecharge'), (h) => (h.requestNo = '2026010100000000000010'), (h) => delete h.sysId, (h) => (h.version = '2.0')]) {
		const replay = JSON.parse(JSON.stringify(genuine));
		edit(replay.head);
		const answer = await post(t.url(), replay);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ code: 'SUCCESS', detail: 'SUCCESS' });
	}
	await t.settle();
	expect(t.executions).toHaveLength(1);
});

test('with "Ignore Repeated Events" off, a retry starts the workflow again', async () => {
	seedUser(handle.sandbox, EMAIL, 'WAITING_KYC');
	const t = await activeTrigger({ options: { ignoreRepeats: false } });
	await kit.control('POST', `/kyc/${EMAIL}/decision`, { status: 'PASSED' });
	await delivered(t, 0);
	await kit.control('POST', '/events/0/redeliver', { reseal: true });
	await t.settle();
	expect(t.executions).toHaveLength(2);
});

test.each(['encrypt', 'keyEnc', 'sign'])('an event with one changed character in %s is refused with 401 and starts nothing', async (field) => {
	const t = await activeTrigger();
	const result = (await kit.control('POST', '/notify', { url: t.url(), event: { eventType: 'CARD_STATUS_CHANGED', cardID: '3377', status: 'ACTIVE' }, tamper: field })).body;
	expect(result.status).toBe(401);
	// control: the same event untampered is accepted
	const genuine = (await kit.control('POST', '/notify', { url: t.url(), event: { eventType: 'CARD_STATUS_CHANGED', cardID: '3377', status: 'ACTIVE' } })).body;
	expect(genuine.status).toBe(200);
	await t.settle();
	expect(t.executions).toHaveLength(1);
});

test('forgeries: another signing key, another sysId, not an envelope, an empty body', async () => {
	const t = await activeTrigger();
	const impostor = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
	const forged = genuineEnvelope({ eventType: 'CARD_RECHARGE', cardID: '3377', amount: '1000000.00' }, impostor);
	expect((await post(t.url(), forged)).status).toBe(401);
	const otherSysId = genuineEnvelope({ eventType: 'CARD_RECHARGE' });
	otherSysId.head.sysId = '111';
	expect((await post(t.url(), otherSysId)).status).toBe(401);
	expect((await post(t.url(), { eventType: 'CARD_RECHARGE', cardID: '3377' })).status).toBe(401);
	expect((await post(t.url(), '')).status).toBe(401);
	await t.settle();
	expect(t.executions).toHaveLength(0);
});

test('card events from the card life: recharge, spend and close arrive in order', async () => {
	const t = await activeTrigger();
	const card = seedCard(handle.sandbox, { balance: 0 });
	const credentials = { kazePayApi: handle.sandbox.credentials().kazepay };
	await runNode({ type: 'kazePay', parameters: { resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '10.00', idempotencyKey: 'trigger-topup-1' }, credentials });
	await delivered(t, 0);
	await kit.control('POST', `/cards/${card.cardID}/spend`, { amount: 4, merchantName: 'COFFEE' });
	await delivered(t, 1);
	await runNode({ type: 'kazePay', parameters: { resource: 'card', operation: 'close', cardId: card.cardID }, credentials });
	await delivered(t, 2);
	const events = t.executions.map((e) => e.items[0]);
	expect(events.map((e) => e.eventType)).toEqual(['CARD_RECHARGE', 'CARD_TRANSACTION', 'CARD_CLOSED']);
	// amounts both ways: the signed value untouched, and as money
	expect(events[0]).toMatchObject({ cardID: card.cardID, amount: '10.00', status: 'SUCCESS', money: { amount: '10', currency: 'USD', minor: 1000 } });
	expect(events[1]).toMatchObject({ transStatus: 'Success', merchantName: 'COFFEE', amount: '4.00', money: { amount: '4', currency: 'USD', minor: 400 } });
	expect(events[2]).toMatchObject({ status: 'CLOSED', refundAmt: '6.00', money: { amount: '6', currency: 'USD', minor: 600 } });
	expect(JSON.stringify(events)).not.toContain(card.cardNo);
});

test('card numbers in events are masked and CVVs left out, unless the operator reveals them', async () => {
	const event = { eventType: 'CARD_INFO', cardID: '3377', cardNo: '4937240800070604', cardCvv: '195', expiryDate: '2707' };
	const masked = await activeTrigger();
	await kit.control('POST', '/notify', { url: masked.url(), event });
	await masked.settle();
	expect(masked.executions[0].items[0]).toMatchObject({ cardNo: '************0604', expiryDate: '2707' });
	expect(masked.executions[0].items[0]).not.toHaveProperty('cardCvv');
	expect(JSON.stringify(masked.executions[0].run.data.resultData.runData)).not.toContain('4937240800070604');

	const revealed = await activeTrigger({ options: { revealCardData: true } });
	await kit.control('POST', '/notify', { url: revealed.url(), event });
	await revealed.settle();
	expect(revealed.executions[0].items[0]).toMatchObject({ cardNo: '4937240800070604', cardCvv: '195' });
});

test('a genuine KazePay API answer re-sent to the trigger URL is not an event (no signed event type); the option to accept untyped events lets it through', async () => {
	// API answers are sealed exactly like events: platform signature, merchant key
	const answers = [
		{ cardID: '3377', currency: 'USD', transactionId: 'LM2312151602393234580', transactionStatus: 'PENDING', sendAmount: '5000.00' },
		{ cardID: '3377', cardNo: '4937240800070604', cardCvv: '195', expiryDate: '2707', userBankCardStatus: 'ACTIVE' },
		{ encrypt: 'SUCCESS', status: 'PASSED' },
		[{ cardID: '3377', transactionId: 'T1', transType: 'Expenditure' }],
	];
	const strict = await activeTrigger();
	const callsBefore = handle.sandbox.count({ provider: 'kazepay', path: '/gateway' });
	for (const data of answers) {
		const answer = await post(strict.url(), genuineEnvelope(data));
		expect(answer.status).toBe(400);
		expect(answer.body.error).toMatch(/not a KazePay event/);
	}
	await strict.settle();
	expect(strict.executions).toHaveLength(0);
	// no request to the trigger makes KazePay calls (nothing to amplify): only the envelope is checked
	expect(handle.sandbox.count({ provider: 'kazepay', path: '/gateway' })).toBe(callsBefore);

	const loose = await activeTrigger({ options: { acceptUntyped: true } });
	expect((await post(loose.url(), genuineEnvelope(answers[0]))).status).toBe(200);
	// an array is never an event
	expect((await post(loose.url(), genuineEnvelope(answers[3]))).status).toBe(400);
	await loose.settle();
	expect(loose.executions).toHaveLength(1);
	expect(loose.executions[0].items[0]).toMatchObject({ eventType: '', verification: 'signature', transactionId: 'LM2312151602393234580' });
});

test('Events: only the chosen event types start the workflow; the others are acknowledged and start nothing', async () => {
	const t = await activeTrigger({ events: ['CARD_RECHARGE'], options: { otherEventTypes: 'CARD_EXPIRED, CARD_REFUND' } });
	const send = async (eventType, n) => (await post(t.url(), genuineEnvelope({ eventType, cardID: '3377', transactionId: `LM-${n}` }))).status;
	expect(await send('CARD_TRANSACTION', 1)).toBe(200);
	expect(await send('CARD_RECHARGE', 2)).toBe(200);
	expect(await send('CARD_EXPIRED', 3)).toBe(200);
	expect(await send('KYC_STATUS', 4)).toBe(200);
	// the type comes from the signed content: a head saying otherwise changes nothing
	const disguised = genuineEnvelope({ eventType: 'CARD_TRANSACTION', cardID: '3377', transactionId: 'LM-5' });
	disguised.head.apiCode = 'CARD_RECHARGE';
	expect((await post(t.url(), disguised)).status).toBe(200);
	await t.settle();
	expect(t.executions.map((e) => e.items[0].eventType)).toEqual(['CARD_RECHARGE', 'CARD_EXPIRED']);
});

test('a body over 64 KiB is refused with 413 before anything is decrypted', async () => {
	const t = await activeTrigger();
	const big = genuineEnvelope({ eventType: 'CARD_RECHARGE', cardID: '3377', transactionId: 'LM-big', note: 'x'.repeat(70 * 1024) });
	const answer = await post(t.url(), big);
	expect(answer.status).toBe(413);
	await t.settle();
	expect(t.executions).toHaveLength(0);
});

test('the editor shows the setup notice (test URL while listening, production URL once active) and the shared Ignore Repeats option', () => {
	const { KazePayTrigger } = require('../../dist/nodes/KazePay/KazePayTrigger.node');
	const { properties } = new KazePayTrigger().description;
	const setup = properties.find((p) => p.name === 'setupNotice');
	expect(setup).toMatchObject({ type: 'notice' });
	expect(setup.displayName).toMatch(/test URL while you listen/);
	expect(setup.displayName).toMatch(/production URL once the workflow is active/);
	expect(setup.displayName).toMatch(/setWebhookUrl/);
	// one-line notices end without a period
	for (const notice of properties.filter((p) => p.type === 'notice')) expect(notice.displayName).not.toMatch(/\.$/);
	const { ignoreRepeatsOption } = require('../../dist/nodes/shared/webhook');
	const options = properties.find((p) => p.name === 'options').options;
	const ignore = options.find((o) => o.name === 'ignoreRepeats');
	expect(ignore.displayName).toBe(ignoreRepeatsOption('x').displayName);
});
