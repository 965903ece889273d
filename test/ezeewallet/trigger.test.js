// The eZeeWallet Trigger behind a real HTTP server: signed, forged, replayed, filtered and wrong-IP
// notifications, and notifications the sandbox sends by itself when a payment settles.
const crypto = require('crypto');
const { startTrigger, node, post, runNode } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');

const box = useSandbox();
const USER = 'sandbox_merchant';
const sign = (id, user = USER) => crypto.createHash('sha1').update(`${id}${user}`).digest('hex');
let trigger;

async function start(parameters = {}) {
	trigger = await startTrigger({
		trigger: node('eZeeWallet Trigger', 'ezeeWalletTrigger', parameters),
		downstream: [node('Mark Paid', 'harness.passThrough')],
		credentials: { ezeeWalletApi: box.sandbox.credentials().ezeewallet },
	});
	return trigger;
}

afterEach(async () => {
	if (trigger) await trigger.close();
	trigger = undefined;
});

test('activation needs no registration: the URL goes with each request', async () => {
	await start();
	expect(await trigger.activate()).toEqual(['exists']);
	expect(trigger.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]+\/notification$/);
});

test('a signed transfer notification (JSON) starts the workflow once and is echoed', async () => {
	await start();
	const response = await post(trigger.url(), { transaction_id: 'order-77', status: 'approved', signature: sign('order-77') });
	await trigger.settle();
	expect(response.status).toBe(200);
	expect(response.body).toEqual({ unique_id: 'order-77' });
	expect(trigger.executions).toHaveLength(1);
	const [item] = trigger.executions[0].output('Mark Paid');
	expect(item).toMatchObject({ transaction_id: 'order-77', status: 'approved', id: 'order-77', kind: 'transfer', verified: true });
	expect(item.signature).toBeUndefined();
});

test('a signed payout notification (form-encoded, unique_id) is accepted', async () => {
	await start();
	const payload = { ezw_reference_id: 'SampleTx123', merchant_reference: 'abc123', unique_id: '123456789abcdefg', status: 'approved', signature: sign('123456789abcdefg') };
	const response = await post(trigger.url(), payload, { format: 'form' });
	await trigger.settle();
	expect(response.body).toEqual({ unique_id: '123456789abcdefg' });
	expect(trigger.executions[0].items[0]).toMatchObject({ kind: 'payout', merchant_reference: 'abc123' });
});

test.each([
	['a wrong signature', { transaction_id: 'o-1', status: 'approved', signature: sign('o-2') }],
	['a signature made with another merchant username', { transaction_id: 'o-1', status: 'approved', signature: sign('o-1', 'someone-else') }],
	['a tampered id', { transaction_id: 'o-1-tampered', status: 'approved', signature: sign('o-1') }],
	['no signature', { transaction_id: 'o-1', status: 'approved' }],
	['an empty body', {}],
	['no id at all', { status: 'approved', signature: sign('') }],
])('%s is refused with 401 and starts nothing', async (_name, payload) => {
	await start();
	const response = await post(trigger.url(), payload);
	await trigger.settle();
	expect(response.status).toBe(401);
	expect(trigger.executions).toHaveLength(0);
});

test('malformed JSON is refused with 401 and starts nothing', async () => {
	await start();
	const response = await post(trigger.url(), '{"transaction_id": "x", "signature": ');
	await trigger.settle();
	expect(response.status).toBe(401);
	expect(trigger.executions).toHaveLength(0);
});

test('a redelivered notification is acknowledged but starts the workflow only once, also when concurrent', async () => {
	await start();
	const payload = { transaction_id: 'once', status: 'approved', signature: sign('once') };
	const responses = await Promise.all(Array.from({ length: 6 }, () => post(trigger.url(), payload)));
	await post(trigger.url(), payload);
	await trigger.settle();
	expect(responses.every((r) => r.status === 200 && r.body.unique_id === 'once')).toBe(true);
	expect(trigger.executions).toHaveLength(1);
	// a new status for the same transaction is a new event
	await post(trigger.url(), { ...payload, status: 'declined' });
	await trigger.settle();
	expect(trigger.executions).toHaveLength(2);
});

test('statuses not selected are acknowledged without starting the workflow', async () => {
	await start({ statuses: ['approved'] });
	const declined = await post(trigger.url(), { transaction_id: 'd-1', status: 'declined', signature: sign('d-1') });
	await trigger.settle();
	expect(declined.body).toEqual({ unique_id: 'd-1' });
	expect(trigger.executions).toHaveLength(0);
});

test('sender IP check: refused from an unlisted address, accepted from a listed one (also via X-Forwarded-For)', async () => {
	await start({ options: { checkSenderIp: true } });
	const refused = await post(trigger.url(), { transaction_id: 'ip-1', status: 'approved', signature: sign('ip-1') });
	await trigger.settle();
	expect(refused.status).toBe(403);
	expect(trigger.executions).toHaveLength(0);
	await trigger.close();

	await start({ options: { checkSenderIp: true, allowedIps: '80.82.206.228, 127.0.0.1' } });
	const accepted = await post(trigger.url(), { transaction_id: 'ip-2', status: 'approved', signature: sign('ip-2') });
	await trigger.close();
	expect(accepted.status).toBe(200);

	// one trusted proxy (the peer, 127.0.0.1) appends the address it received from: the rightmost entry
	await start({ options: { checkSenderIp: true, trustedProxies: 1 } });
	const proxied = await post(trigger.url(), { transaction_id: 'ip-3', status: 'approved', signature: sign('ip-3') }, { headers: { 'x-forwarded-for': '34.251.52.23' } });
	const spoofedLeft = await post(trigger.url(), { transaction_id: 'ip-4', status: 'approved', signature: sign('ip-4') }, { headers: { 'x-forwarded-for': '34.251.52.23, 1.2.3.4' } });
	await trigger.settle();
	expect(proxied.status).toBe(200);
	// the client wrote the allowed address itself; the proxy saw 1.2.3.4
	expect(spoofedLeft.status).toBe(403);
	expect(trigger.executions).toHaveLength(1);
	await trigger.close();

	// no trusted proxy: the header is ignored, the peer (127.0.0.1) is not on the list
	await start({ options: { checkSenderIp: true } });
	const headerIgnored = await post(trigger.url(), { transaction_id: 'ip-5', status: 'approved', signature: sign('ip-5') }, { headers: { 'x-forwarded-for': '34.251.52.23' } });
	expect(headerIgnored.status).toBe(403);
	await trigger.close();

	// two trusted proxies: the second entry from the right
	await start({ options: { checkSenderIp: true, trustedProxies: 2 } });
	const twoHops = await post(trigger.url(), { transaction_id: 'ip-6', status: 'approved', signature: sign('ip-6') }, { headers: { 'x-forwarded-for': '9.9.9.9, 34.251.52.23, 10.0.0.7' } });
	expect(twoHops.status).toBe(200);
});

test('end to end: a pending transfer settles in the sandbox, which notifies the trigger; eZeeWallet gets its echo', async () => {
	await start();
	const transfer = await runNode({
		type: 'ezeeWallet',
		credentials: { ezeeWalletApi: box.sandbox.credentials().ezeewallet },
		parameters: {
			resource: 'transfer', operation: 'create', merchantTransactionId: 'order-pending', amount: '100', currency: 'EUR',
			sourceWalletId: 'bob@example.com', sourceWalletPassword: 'bob-wallet-pw', returnSuccessUrl: 'https://s.example/ok',
			returnFailureUrl: 'https://s.example/ko', notificationUrl: trigger.url(), merchantWebsite: 's.example',
		},
	});
	expect(transfer.items[0].status).toBe('pending');
	const reference = transfer.items[0].ezw_reference_id;
	const completion = await fetch(`${box.sandbox.baseUrl}/_control/ezeewallet/transfers/${reference}/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"approved"}' });
	expect(completion.status).toBe(200);
	for (let i = 0; i < 50 && box.sandbox.webhooks.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
	await trigger.settle();
	expect(box.sandbox.webhooks).toEqual([expect.objectContaining({ status: 200, response: '{"unique_id":"order-pending"}' })]);
	expect(trigger.executions).toHaveLength(1);
	expect(trigger.executions[0].output('Mark Paid')[0]).toMatchObject({ transaction_id: 'order-pending', status: 'approved' });
	expect(box.sandbox.state('ezeewallet').merchants.sandbox_merchant.wallets.EUR).toBe(10_000_000 + 10_000);
});
