// The eZeeWallet Trigger behind a real HTTP server: signed, forged, replayed, filtered and wrong-IP
// notifications, the confirmation lookup (Transaction → Get), and notifications the sandbox sends by
// itself when a payment settles.
const crypto = require('crypto');
const { startTrigger, node, post } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const kit = providerKit('ezeewallet');
const box = kit.handle;
const USER = 'sandbox_merchant';
const sign = (id, user = USER) => crypto.createHash('sha1').update(`${id}${user}`).digest('hex');
const lookups = () => box.sandbox.count({ provider: 'ezeewallet', path: '/transaction' });
let trigger;

async function start(parameters = {}) {
	trigger = await startTrigger({
		trigger: node('eZeeWallet Trigger', 'ezeeWalletTrigger', parameters),
		downstream: [node('Mark Paid', 'harness.passThrough')],
		credentials: { ezeeWalletApi: box.sandbox.credentials().ezeewallet },
	});
	return trigger;
}

/** The sandbox's eZeeWallet API as the demo merchant: real transactions for the trigger to confirm. */
async function api(method, path, body) {
	const { baseUrl, username, password } = box.sandbox.credentials().ezeewallet;
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await response.json();
}
async function transfer(id, { amount = 1234, from = 'alice@example.com', password = 'alice-wallet-pw' } = {}) {
	const { transfer: created } = await api('POST', '/transfers_new', {
		merchant_transaction_id: id, amount, currency: 'EUR', source_wallet_id: from, source_wallet_pwd: Buffer.from(password).toString('base64'),
		return_success_url: 'https://s.example/ok', return_failure_url: 'https://s.example/ko', notification_url: 'https://s.example/n', merchant_website: 's.example',
	});
	return created;
}
const pendingTransfer = (id) => transfer(id, { amount: 100_000, from: 'bob@example.com', password: 'bob-wallet-pw' });
async function settle(reference, status) {
	await fetch(`${box.sandbox.baseUrl}/_control/ezeewallet/transfers/${reference}/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status }) });
}
async function payout(reference) {
	const created = await api('POST', '/single_payouts_new', { email: 'carol@example.com', amount: 250, currency: 'USD', merchant_reference: reference });
	await new Promise((resolve) => setImmediate(resolve)); // the sandbox settles it right after answering
	return box.sandbox.state('ezeewallet').payouts.find((p) => p.ezw_reference_id === created.ezw_reference_id);
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

test('a signed transfer notification (JSON) is confirmed with Transaction → Get, starts the workflow once and is echoed', async () => {
	await start();
	const created = await transfer('order-77');
	const response = await post(trigger.url(), { transaction_id: 'order-77', status: 'approved', signature: sign('order-77') });
	await trigger.settle();
	expect(response.status).toBe(200);
	expect(response.body).toEqual({ unique_id: 'order-77' });
	expect(trigger.executions).toHaveLength(1);
	const [item] = trigger.executions[0].output('Mark Paid');
	expect(item).toMatchObject({
		transaction_id: 'order-77', id: 'order-77', kind: 'transfer', verification: 'signature+lookup',
		// confirmed by eZeeWallet, not taken from the notification
		status: 'approved', amount: 1234, currency: 'EUR', type: 'transfer', ezw_reference_id: created.ezw_reference_id,
		notification: { transaction_id: 'order-77', status: 'approved' },
	});
	expect(JSON.stringify(item)).not.toContain(sign('order-77'));
	// one authenticated lookup, naming the signed id
	expect(lookups()).toBe(1);
	expect(box.sandbox.state('ezeewallet').lookups).toEqual([{ transaction_id: 'order-77' }]);
});

test('a signed payout notification (form-encoded, unique_id) is confirmed and bound to its unique_id', async () => {
	await start();
	const paid = await payout('abc123');
	const payload = { ezw_reference_id: paid.ezw_reference_id, merchant_reference: 'abc123', unique_id: paid.unique_id, status: 'approved', signature: sign(paid.unique_id) };
	const response = await post(trigger.url(), payload, { format: 'form' });
	await trigger.settle();
	expect(response.body).toEqual({ unique_id: paid.unique_id });
	expect(trigger.executions[0].items[0]).toMatchObject({
		kind: 'payout', unique_id: paid.unique_id, merchant_reference: 'abc123', ezw_reference_id: paid.ezw_reference_id,
		status: 'approved', amount: 250, currency: 'USD', verification: 'signature+lookup',
	});
	expect(box.sandbox.state('ezeewallet').lookups).toEqual([{ unique_id: paid.unique_id, ezw_reference_id: paid.ezw_reference_id }]);
});

test('a captured "declined" notification replayed as "approved" never runs as approved', async () => {
	await start();
	const created = await pendingTransfer('order-declined');
	await settle(created.ezw_reference_id, 'declined');
	const forged = await post(trigger.url(), { transaction_id: 'order-declined', status: 'approved', signature: sign('order-declined') });
	await trigger.settle();
	expect(forged.status).toBe(409);
	expect(trigger.executions).toHaveLength(0);
	// the genuine one runs, with the confirmed status; its replays do not
	const genuine = await post(trigger.url(), { transaction_id: 'order-declined', status: 'declined', signature: sign('order-declined') });
	await post(trigger.url(), { transaction_id: 'order-declined', status: 'declined', signature: sign('order-declined') });
	await trigger.settle();
	expect(genuine.status).toBe(200);
	expect(trigger.executions).toHaveLength(1);
	expect(trigger.executions[0].items[0]).toMatchObject({ status: 'declined', verification: 'signature+lookup' });
});

test.each([
	['a signature for one unique_id vouching for another transaction_id', async () => {
		const paid = await payout('mine');
		await transfer('victim-order');
		return { unique_id: paid.unique_id, transaction_id: 'victim-order', status: 'approved', signature: sign(paid.unique_id) };
	}, 401],
	['a signed unique_id beside the ezw_reference_id of another payout', async () => {
		const own = await payout('own');
		const other = await payout('other');
		return { unique_id: own.unique_id, ezw_reference_id: other.ezw_reference_id, status: 'approved', signature: sign(own.unique_id) };
	}, 403],
	['a signed id eZeeWallet has no record of', async () => ({ transaction_id: 'never-made', status: 'approved', signature: sign('never-made') }), 403],
])('id confusion: %s is refused and starts nothing', async (_name, build, status) => {
	await start();
	const payload = await build();
	const response = await post(trigger.url(), payload);
	await trigger.settle();
	expect(response.status).toBe(status);
	expect(trigger.executions).toHaveLength(0);
});

test('a notification that is ahead of eZeeWallet\'s record (still pending) is answered 503, then runs once settled', async () => {
	await start();
	const created = await pendingTransfer('order-early');
	const early = await post(trigger.url(), { transaction_id: 'order-early', status: 'approved', signature: sign('order-early') });
	await trigger.settle();
	expect(early.status).toBe(503);
	expect(early.headers.get('retry-after')).toBe('60');
	expect(trigger.executions).toHaveLength(0);
	await settle(created.ezw_reference_id, 'approved'); // notifies https://s.example/n, not this trigger
	const redelivered = await post(trigger.url(), { transaction_id: 'order-early', status: 'approved', signature: sign('order-early') });
	await trigger.settle();
	expect(redelivered.status).toBe(200);
	expect(trigger.executions).toHaveLength(1);
});

test('cheap checks come first and one request causes at most one lookup, never retried', async () => {
	await start();
	// forged: no lookup at all
	await post(trigger.url(), { transaction_id: 'x', status: 'approved', signature: sign('y') });
	expect(lookups()).toBe(0);
	// eZeeWallet failing: one call, then 503 for eZeeWallet to deliver again (no retries inside the request)
	await transfer('order-busy');
	box.sandbox.injectFault({ provider: 'ezeewallet', path: '/transaction', kind: 'status', status: 503, times: 10 });
	const busy = await post(trigger.url(), { transaction_id: 'order-busy', status: 'approved', signature: sign('order-busy') });
	await trigger.settle();
	expect(busy.status).toBe(503);
	expect(lookups()).toBe(1);
	expect(trigger.executions).toHaveLength(0);
	box.sandbox.clearFaults();
	const ok = await post(trigger.url(), { transaction_id: 'order-busy', status: 'approved', signature: sign('order-busy') });
	await trigger.settle();
	expect(ok.status).toBe(200);
	expect(lookups()).toBe(2);
	expect(trigger.executions).toHaveLength(1);
});

test('a body over 64 KiB is refused with 413 before anything else', async () => {
	await start();
	const response = await post(trigger.url(), { transaction_id: 'big', status: 'approved', signature: sign('big'), padding: 'x'.repeat(70 * 1024) });
	await trigger.settle();
	expect(response.status).toBe(413);
	expect(lookups()).toBe(0);
	expect(trigger.executions).toHaveLength(0);
});

test('Skip Confirmation Lookup: only the id is verified, and the item says so', async () => {
	await start({ options: { skipLookup: true } });
	const response = await post(trigger.url(), { transaction_id: 'no-lookup', status: 'approved', signature: sign('no-lookup') });
	await post(trigger.url(), { transaction_id: 'no-lookup', status: 'declined', signature: sign('no-lookup') });
	await trigger.settle();
	expect(response.status).toBe(200);
	expect(lookups()).toBe(0);
	// the repeat key is the signed id alone: an unsigned status does not make a new event
	expect(trigger.executions).toHaveLength(1);
	expect(trigger.executions[0].items[0]).toMatchObject({ transaction_id: 'no-lookup', status: 'approved', verification: 'signature' });
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
	await transfer('once');
	const payload = { transaction_id: 'once', status: 'approved', signature: sign('once') };
	const responses = await Promise.all(Array.from({ length: 6 }, () => post(trigger.url(), payload)));
	await post(trigger.url(), payload);
	await trigger.settle();
	expect(responses.every((r) => r.status === 200 && r.body.unique_id === 'once')).toBe(true);
	expect(trigger.executions).toHaveLength(1);
	// an unsigned status that eZeeWallet does not confirm is no new event
	const changed = await post(trigger.url(), { ...payload, status: 'declined' });
	await trigger.settle();
	expect(changed.status).toBe(409);
	expect(trigger.executions).toHaveLength(1);
});

test('statuses not selected are acknowledged without starting the workflow (the confirmed status counts)', async () => {
	await start({ statuses: ['approved'] });
	const created = await pendingTransfer('d-1');
	await settle(created.ezw_reference_id, 'declined');
	const declined = await post(trigger.url(), { transaction_id: 'd-1', status: 'declined', signature: sign('d-1') });
	await trigger.settle();
	expect(declined.body).toEqual({ unique_id: 'd-1' });
	expect(trigger.executions).toHaveLength(0);
});

test('sender IP check: refused from an unlisted address, accepted from a listed one (also via X-Forwarded-For)', async () => {
	for (const id of ['ip-1', 'ip-2', 'ip-3', 'ip-4', 'ip-5', 'ip-6']) await transfer(id);
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
	const transfer = await kit.run({
		resource: 'transfer', operation: 'create', merchantTransactionId: 'order-pending', amount: '100', currency: 'EUR',
		sourceWalletId: 'bob@example.com', sourceWalletPassword: 'bob-wallet-pw', returnSuccessUrl: 'https://s.example/ok',
		returnFailureUrl: 'https://s.example/ko', notificationUrl: trigger.url(), merchantWebsite: 's.example',
	});
	expect(transfer.items[0].status).toBe('pending');
	const reference = transfer.items[0].ezw_reference_id;
	const completion = await fetch(`${box.sandbox.baseUrl}/_control/ezeewallet/transfers/${reference}/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"approved"}' });
	expect(completion.status).toBe(200);
	for (let i = 0; i < 50 && box.sandbox.webhooks.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
	await trigger.settle();
	expect(box.sandbox.webhooks).toEqual([expect.objectContaining({ status: 200, response: '{"unique_id":"order-pending"}' })]);
	expect(trigger.executions).toHaveLength(1);
	expect(trigger.executions[0].output('Mark Paid')[0]).toMatchObject({ transaction_id: 'order-pending', status: 'approved', amount: 10_000, verification: 'signature+lookup', money: { amount: '100.00', currency: 'EUR', minor: 10_000 } });
	expect(box.sandbox.state('ezeewallet').merchants.sandbox_merchant.wallets.EUR).toBe(10_000_000 + 10_000);
});

test('Events: only the chosen kinds start the workflow (transfers and refunds name a transaction_id, payouts a unique_id); the others still get their echo', async () => {
	await transfer('event-transfer');
	const paid = await payout('event-payout');
	await start({ events: ['payout'] });
	const skipped = await post(trigger.url(), { transaction_id: 'event-transfer', status: 'approved', signature: sign('event-transfer') });
	expect(skipped.status).toBe(200);
	expect(skipped.body).toEqual({ unique_id: 'event-transfer' });
	const started = await post(trigger.url(), { unique_id: paid.unique_id, status: 'approved', signature: sign(paid.unique_id) });
	expect(started.status).toBe(200);
	await trigger.settle();
	expect(trigger.executions).toHaveLength(1);
	expect(trigger.executions[0].output('Mark Paid')[0]).toMatchObject({ kind: 'payout', unique_id: paid.unique_id, money: { amount: '2.50', currency: 'USD', minor: 250 } });
});

test('the setup notice says which URL to give eZeeWallet, for testing and once active', () => {
	const { EzeeWalletTrigger } = require('../../dist/nodes/EzeeWallet/EzeeWalletTrigger.node.js');
	const notice = new EzeeWalletTrigger().description.properties.find((p) => p.name === 'setupNotice');
	expect(notice.displayName).toMatch(/test URL while listening.*production URL once the workflow is active/);
	expect(notice.displayName.endsWith('.')).toBe(false);
});
