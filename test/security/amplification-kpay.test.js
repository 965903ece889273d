'use strict';
// Amplification (issue 13): how many KPAY calls one anonymous request to the KPAY Trigger causes. Each
// forged request is counted with the sandbox's request log (box.sandbox.count): at most LOOKUP_BUDGET (3),
// also when the account has more paid and verified transactions than one page holds (before, the
// ownership search paged through them: 22 calls for one request).
const { startTrigger, node, post } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { record } = require('../harness/audit');
const { DEMO } = require('../../sandbox/providers/kpay');

const box = useSandbox();
const AMOUNT = 250000;
const OTHER = { name: 'Other Merchant', mobile: '09351112233', password: 'other-merchant-pass', card: '6104337812345674' };

async function api(method, path, body, token) {
	const response = await fetch(`${box.sandbox.urls().kpay}${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
		redirect: 'manual',
	});
	const text = await response.text();
	if (response.status >= 400) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

async function control(path, body = {}) {
	const response = await fetch(`${box.sandbox.baseUrl}/_control/kpay${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return await response.json();
}

/** `n` transactions of the account with `token` (its first shop and card), paid, and verified when asked. */
async function transactions(token, n, { verify = false } = {}) {
	const shopId = (await api('GET', '/shops', undefined, token)).shops[0].id;
	const cardId = (await api('GET', '/cards', undefined, token)).cards[0].id;
	const authorities = [];
	for (let i = 0; i < n; i++) {
		const { authority } = await api('POST', '/transactions/create', { shop_id: shopId, card_id: cardId, amount: AMOUNT, callback_url: 'https://shop.example.com/cb' }, token);
		await control(`/transactions/${authority}/pay`);
		if (verify) await api('POST', '/transactions/verify', { authority });
		authorities.push(authority);
	}
	return authorities;
}

async function otherMerchant() {
	const { access_token: token } = await api('POST', '/auth/register', { name: OTHER.name, mobile: OTHER.mobile, password: OTHER.password });
	await api('POST', '/shops', { name: 'Other Shop' }, token);
	await api('POST', '/cards', { card_number: OTHER.card, owner_name: OTHER.name }, token);
	return token;
}

test('kpay: every forged request to the KPAY Trigger costs at most 3 KPAY calls', async () => {
	const own = (await api('POST', '/auth/login', { username: DEMO.mobile, password: DEMO.password })).access_token;
	const other = await otherMerchant();
	// more own paid (101) and verified (201) transactions than the first page of the ownership search holds
	await transactions(own, 101);
	await transactions(own, 201, { verify: true });
	const [otherPaid] = await transactions(other, 1);
	const [otherVerified] = await transactions(other, 1, { verify: true });
	const foreignPayment = await api('POST', '/gateway/payments', { order_id: 'OURS-1', currency: 'usdt_trc20', amount_usd: 40 }, other);

	const started = await startTrigger({ trigger: node('KPAY Trigger', 'kpayTrigger', { successUrl: 'https://shop.example.com/ok', failureUrl: 'https://shop.example.com/ko' }), credentials: { kpayApi: box.sandbox.credentials().kpay } });
	const get = async (query) => {
		const url = new URL(started.url('setup'));
		for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
		const response = await fetch(url, { redirect: 'manual' });
		await response.text();
		return { status: response.status, location: response.headers.get('location') };
	};
	const forged = [
		['card: unknown authority', () => get({ authority: 'KPFORGED0000000000000000', amount: String(AMOUNT) })],
		["card: another merchant's paid transaction", () => get({ authority: otherPaid, amount: String(AMOUNT) })],
		["card: another merchant's verified transaction", () => get({ authority: otherVerified, amount: String(AMOUNT) })],
		['card: ".." as authority', () => get({ authority: '..', amount: String(AMOUNT) })],
		['crypto: unknown payment', () => post(started.url('default'), { payment_id: '2f1c1c9e-0000-4000-8000-000000000000', status: 'completed' })],
		["crypto: another merchant's payment naming our order ID", () => post(started.url('default'), { payment_id: foreignPayment.id, order_id: 'OURS-1', status: 'completed' })],
	];
	try {
		// warm-up: the credential logs in once (n8n's preAuthentication), not counted against a forged request
		await get({ authority: 'KPWARMUP000000000000', amount: String(AMOUNT) });
		await started.settle();
		let worst = 0;
		for (const [name, send] of forged) {
			const before = box.sandbox.count({ provider: 'kpay' });
			const answer = await send();
			await started.settle();
			const calls = box.sandbox.count({ provider: 'kpay' }) - before;
			worst = Math.max(worst, calls);
			record({ category: 'amplification', provider: 'kpay', request: name, calls, status: answer.status });
			expect([name, calls <= 3]).toEqual([name, true]);
			// never accepted: no redirect to the success URL, no 2xx
			expect([name, answer.status < 300 || String(answer.location || '').startsWith('https://shop.example.com/ok')]).toEqual([name, false]);
		}
		expect(started.executions).toHaveLength(0);
		expect(worst).toBeLessThanOrEqual(3);
	} finally {
		await started.close();
	}
}, 60000);
