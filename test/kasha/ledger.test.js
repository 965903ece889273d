// Kasha's calls by kind (KASHA_CALLS): sessions are sent once, money moves go through the payment ledger with
// Kasha's own guards where it has them (one payment per session, a unique merchant reference), declines give the key back,
// 081-084 actions are successes that keep it, and AI agents only get the money moves whose amount they can be
// held to.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { runNode } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { KASHA_CALLS } = require('../../dist/nodes/Kasha/transport');
const { paymentSession, payoutSession, card } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;
const run = (parameters, extra = {}) => runNode({ type: extra.type || 'kasha', credentials: kit.credentials(), parameters, nodeId: extra.nodeId, items: extra.items });
const payCard = (extra = {}) => paymentSession({ operation: 'pay', country: 'GB', currency: 'GBP', amount: '20', paymentOptionName: 'Card', card: card(), ...extra });
const payByTransfer = (note, extra = {}) =>
	paymentSession({ operation: 'pay', country: 'GB', currency: 'GBP', amount: '20', paymentOptionName: 'Bank Transfer', card: {}, methodFields: { field: [{ name: 'note', value: note }] }, ...extra });
const transactions = () => [...s.sandbox.state('kasha').transactions.values()];

describe('Kasha: every call is classified in one table', () => {
	test('KASHA_CALLS has a path, a kind and a reason for every call, and evidence for every call sent once', () => {
		for (const [name, call] of Object.entries(KASHA_CALLS)) {
			expect(['read', 'createOnce', 'moneyMove']).toContain(call.kind);
			expect(call.path).toMatch(/^\/v2\//);
			expect(['confirmed', 'inferred', 'assumed']).toContain(call.status);
			expect(call.why.length).toBeGreaterThan(10);
			if (call.kind !== 'read') expect(typeof call.evidence).toBe('function');
			if (call.kind === 'read') expect(call.method === 'GET' || /suboptions/i.test(name)).toBe(true);
		}
		expect(KASHA_CALLS.paymentOptions.kind).toBe('createOnce');
		expect(KASHA_CALLS.payoutOptions.kind).toBe('createOnce');
		expect(KASHA_CALLS.hostedCashierPayment.kind).toBe('createOnce');
		expect(KASHA_CALLS.hostedCashierPayout.kind).toBe('createOnce');
		expect(KASHA_CALLS.hybridPayment.kind).toBe('createOnce');
		for (const name of ['directPayment', 'createPayout', 'settlePayout', 'refund']) expect(KASHA_CALLS[name].kind).toBe('moneyMove');
	});

	test('no call site names its own kind: kashaRequest takes it from the table', () => {
		const files = [];
		const walk = (dir) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (entry.name.endsWith('.ts') && entry.name !== 'transport.ts') files.push(full);
			}
		};
		walk(path.join(__dirname, '../../nodes/Kasha'));
		const callers = files.filter((file) => fs.readFileSync(file, 'utf8').includes('kashaRequest.call'));
		expect(callers.length).toBeGreaterThanOrEqual(14);
		for (const file of callers) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/kind:\s*'(read|createOnce|moneyMove)'/);
	});

	test('evidence follows Kasha\'s documented success answers', () => {
		expect(KASHA_CALLS.directPayment.evidence({ statusCode: '000', resultType: 'success', result: { transactionId: 't-1' } })).toBeUndefined();
		expect(KASHA_CALLS.directPayment.evidence({ statusCode: '081', resultType: 'qr', result: { transactionId: 't-1', qrCode: 'x' } })).toBeUndefined();
		expect(KASHA_CALLS.directPayment.evidence({ resultType: 'success' })).toBe('statusCode and transactionId');
		expect(KASHA_CALLS.createPayout.evidence({ statusCode: 0, resultType: 'success', result: { transactionId: 't-2' } })).toBeUndefined();
		expect(KASHA_CALLS.createPayout.evidence([{ statusCode: 0 }])).toBe('transactionId');
		expect(KASHA_CALLS.settlePayout.evidence({ statusCode: '000', status: 'PROCESSING', transactionId: 't-3' })).toBeUndefined();
		expect(KASHA_CALLS.settlePayout.evidence({ statusCode: '000' })).toBe('status and transactionId');
		expect(KASHA_CALLS.refund.evidence({ statusCode: '000', status: 'REFUNDED', _id: 't-4' })).toBeUndefined();
		expect(KASHA_CALLS.refund.evidence({ statusCode: '000', errorReason: 'Success' })).toBe('status and _id or transactionId');
		expect(KASHA_CALLS.paymentOptions.evidence({ transactionId: 't,', sessionId: 's', paymentOptions: [] })).toBeUndefined();
		expect(KASHA_CALLS.payoutOptions.evidence([{ transactionId: 't', sessionId: 's' }])).toBeUndefined();
		expect(KASHA_CALLS.hostedCashierPayment.evidence({ result: { cashierUrl: 'https://cashier' } })).toBeUndefined();
		expect(KASHA_CALLS.hostedCashierPayment.evidence({ statusCode: '300' })).toMatch(/^url or cashierUrl/);
	});
});

describe('Kasha: sessions and links are sent once (createOnce)', () => {
	test.each([
		['Initiate Payment', () => paymentSession({ additionalFields: { merchantReference: 'co-1' } }), '/v2/payment-options', /payment session may or may not have been made.*merchant reference "co-1"/],
		['Payment Hosted Cashier Link', () => paymentSession({ operation: 'getHostedCashierLink' }), '/v2/payment-session', /payment session may or may not have been made/],
		['Initiate Payout', () => payoutSession({ additionalFields: { merchantReference: 'co-2' } }), '/v2/payout-options', /payout session may or may not have been made.*merchant reference "co-2"/],
		['Payout Hosted Cashier Link', () => payoutSession({ operation: 'getHostedCashierLink' }), '/v2/payout-session', /payout session may or may not have been made/],
	])('%s: a 503 or a dropped answer is not retried (it would open a second session)', async (_name, parameters, callPath, message) => {
		for (const fault of [{ kind: 'status', status: 503 }, { kind: 'drop-after' }]) {
			const before = s.sandbox.count({ provider: 'kasha', path: callPath });
			s.sandbox.injectFault({ provider: 'kasha', path: callPath, ...fault });
			const r = await run(parameters());
			expect(r.error.message).toMatch(message);
			expect(s.sandbox.count({ provider: 'kasha', path: callPath }) - before).toBe(1);
		}
	});

	test('a hosted cashier answer without a link is not reported as a success', async () => {
		s.sandbox.injectFault({ provider: 'kasha', path: '/v2/payment-session', kind: 'status', status: 200, body: { statusCode: '300', resultType: 'redirect', result: {} } });
		const r = await run(paymentSession({ operation: 'getHostedCashierLink' }));
		expect(r.error.message).toMatch(/without evidence of success \(no url or cashierUrl/);
	});

	test('Pay: a lost Initiate answer paid nothing, so the key is given back', async () => {
		const nodeId = crypto.randomUUID();
		s.sandbox.injectFault({ provider: 'kasha', path: '/v2/payment-options', kind: 'drop' }); // dropped before Kasha processed it
		const lost = await run(payCard({ merchantReference: 'pay-lost-init', idempotencyKey: 'k-lost-init' }), { nodeId });
		expect(lost.error.description).toMatch(/Only the session may have been opened \(merchant reference "pay-lost-init"\): nothing was paid/);
		expect(lost.error.description).not.toMatch(/Release Idempotency Keys/);
		const again = await run(payCard({ merchantReference: 'pay-lost-init', idempotencyKey: 'k-lost-init' }), { nodeId });
		expect(again.error).toBeUndefined();
		expect(again.items[0]).toMatchObject({ idempotencyKey: 'k-lost-init', response: { statusCode: '000' } });
	});
});

describe('Kasha: money moves and the ledger', () => {
	test('Pay: the top-level Merchant Reference is the key\'s default (one reference is paid once); a key of your own is not sent to Kasha', async () => {
		const nodeId = crypto.randomUUID();
		const first = await run(payCard({ merchantReference: 'mine-2' }), { nodeId });
		expect(first.error).toBeUndefined();
		expect(first.items[0]).toMatchObject({ idempotencyKey: 'mine-2', merchantReference: 'mine-2' });
		expect(transactions().find((t) => t.id === first.items[0].transactionId).merchantReference).toBe('mine-2');
		const again = await run(payCard({ merchantReference: 'mine-2' }), { nodeId });
		expect(again.items[0]).toMatchObject({ idempotencyKey: 'mine-2', skipped: true });
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/direct-payment' })).toBe(1);
		// neither a reference nor a key: refused before anything is sent
		const before = s.sandbox.count({ provider: 'kasha' });
		const none = await run(payCard());
		expect(none.error.message).toMatch(/Parameter "Idempotency Key" is required|Invalid Idempotency Key \[item 0\]: is empty/);
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(before);
		const own = await run(payCard({ merchantReference: 'ref-4712', idempotencyKey: 'order-4711' }));
		expect(own.error).toBeUndefined();
		expect(transactions().find((t) => t.id === own.items[0].transactionId).merchantReference).toBe('ref-4712');
		expect(JSON.stringify(s.sandbox.requests.filter((r) => r.provider === 'kasha').map((r) => r.body))).not.toContain('order-4711');
	});

	test('with a Merchant Reference, Kasha refuses a second session with it (3017): a second guard when the ledger forgot', async () => {
		const first = await run(payCard({ merchantReference: 'twice-1' }));
		expect(first.error).toBeUndefined();
		// another node (another ledger row), same reference
		const second = await run(payCard({ merchantReference: 'twice-1' }));
		expect(second.error.message).toMatch(/declined 3017: Duplicate transaction/);
		expect(transactions().filter((t) => t.merchantReference === 'twice-1')).toHaveLength(1);
	});

	test('a decline is a definite refusal: the key is given back (and the next run is sent, not skipped)', async () => {
		const nodeId = crypto.randomUUID();
		const declined = await run(payCard({ idempotencyKey: 'decl-1', card: card('4000000000000127') }), { nodeId });
		expect(declined.error.message).toMatch(/declined 3004/);
		expect(declined.error.description).not.toMatch(/Release Idempotency Keys/);
		const again = await run(payCard({ idempotencyKey: 'decl-1' }), { nodeId });
		expect(again.error).toBeUndefined();
		expect(again.items[0]).toMatchObject({ idempotencyKey: 'decl-1', response: { statusCode: '000' } });
		expect(again.items[0].skipped).toBeUndefined();
	});

	test.each(['081', '082', '083', '084'])('action %s is a success of the call: the key stays held and a re-run sends nothing', async (code) => {
		const nodeId = crypto.randomUUID();
		const key = `act-${code}`;
		const first = await run(payByTransfer(`ACTION ${code}`, { idempotencyKey: key }), { nodeId });
		expect(first.error).toBeUndefined();
		expect(first.items[0]).toMatchObject({ response: { statusCode: code }, idempotencyKey: key });
		const before = s.sandbox.count({ provider: 'kasha' });
		const again = await run(payByTransfer(`ACTION ${code}`, { idempotencyKey: key }), { nodeId });
		expect(again.items[0]).toMatchObject({ idempotencyKey: key, skipped: true });
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(before);
	});

	test('Post: the key defaults to the session ID (Kasha takes one payment per session)', async () => {
		const init = await run(paymentSession({ country: 'GB', currency: 'GBP', amount: '20' }));
		const session = init.items[0];
		const r = await run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() }, { items: [{ sessionId: session.sessionId, paymentOptions: session.paymentOptions }] });
		expect(r.error).toBeUndefined();
		expect(r.items[0].idempotencyKey).toBe(session.sessionId);
	});
});

describe('Kasha money moves as an AI agent tool', () => {
	const agent = { executionOptions: { agentMaxAmount: '50.00' } };

	test('Pay is held to the maximum', async () => {
		const above = await run({ ...payCard({ idempotencyKey: 'ag-1', amount: '50.01' }), ...agent }, { type: 'kashaTool' });
		expect(above.error.message).toBe('Invalid Amount [item 0]: 50.01 is above the maximum of 50.00 that an AI agent may send with this node');
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
		const at = await run({ ...payCard({ idempotencyKey: 'ag-2', amount: '50' }), ...agent }, { type: 'kashaTool' });
		expect(at.error).toBeUndefined();
	});

	test.each([
		['Post', { resource: 'payment', operation: 'post', sessionId: 'sess-1', sessionPaymentOptions: JSON.stringify([{ paymentOptionId: 'p'.repeat(20), name: 'Card' }]), paymentOption: 'Card', card: card() }],
		['Create Payout', { resource: 'payout', operation: 'create', sessionId: 'sess-2', sessionPaymentOptions: JSON.stringify([{ paymentOptionId: 'p'.repeat(20), name: 'Bank Transfer' }]), paymentOption: 'Bank Transfer' }],
		['Confirm Payout (Approve)', { resource: 'payout', operation: 'confirm', transactionId: 'tx-1', settleAction: 'APPROVE' }],
	])('%s takes its amount from Initiate: refused for agents before anything is sent', async (name, parameters) => {
		const r = await run({ ...parameters, ...agent }, { type: 'kashaTool' });
		expect(r.error.message).toContain(`Invalid Amount [item 0]: ${name} takes its amount from the session opened by Initiate`);
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
	});

	test('Confirm Payout (Decline) moves no money: an agent may decline', async () => {
		const init = await run(payoutSession());
		const payout = init.items[0];
		await run(
			{ resource: 'payout', operation: 'create', paymentOption: 'Bank Transfer', optionId: 'd_316', methodFields: { field: [{ name: 'name', value: 'John Smith' }] } },
			{ items: [{ sessionId: payout.sessionId, paymentOptions: payout.paymentOptions }] },
		);
		const r = await run({ resource: 'payout', operation: 'confirm', transactionId: payout.transactionId, settleAction: 'DECLINE', ...agent }, { type: 'kashaTool' });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ action: 'DECLINE', status: 'DECLINED' });
	});
});
