'use strict';
// The sandbox's home page (GET / on the sandbox port): drive every example from the browser.
//   - send each trigger its provider's signed notification with realistic data, or a forged one
//     (sandbox/demos.js; `npm run dev` gives the page its trigger URLs with setDemoPlan)
//   - pay a KPAY card checkout on an HTML payment page (KPAY's payment page URL, asked for by a browser)
//     and move a KPAY crypto payment through its confirmations
//   - approve or reject a KazePay KYC, pay or time out a Kazawallet payment link, finish an eZeeWallet
//     transfer, approve or decline a pending Kasha payout
//   - balances, the requests each provider received and the notifications the sandbox sent
// Plain HTML forms posting to /_home/<action>; each answers 303 back to the page (or JSON when the request
// accepts application/json, as the tests ask). A little inline JS only refreshes the page on request.

const kazawallet = require('./providers/kazawallet');
const { DEMOS, runDemo, kpayCheckout, kazawalletLink } = require('./demos');

const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const money = (minor, decimals = 2) => (Number(minor) / 10 ** decimals).toFixed(decimals);
const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}table{border-collapse:collapse;width:100%}
td,th{padding:3px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}form{display:inline}
button{margin:1px 2px;cursor:pointer}button.forged{color:#a00}.ok{color:#070}.bad{color:#a00}code{font-size:12px;word-break:break-all}
.muted{color:#777}.box{background:#f7f7f7;padding:8px 12px;border-radius:6px}input[type=text],input[type=url]{width:28em}`;

function page(title, body, { refresh = false } = {}) {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>${body}${
		refresh
			? `<p class="muted"><label><input type="checkbox" id="auto"> refresh every 5 s</label></p>
<script>const a=document.getElementById('auto');a.checked=localStorage.getItem('auto')==='1';
a.onchange=()=>localStorage.setItem('auto',a.checked?'1':'0');setInterval(()=>{if(a.checked)location.reload()},5000);</script>`
			: ''
	}</body></html>`;
}

const button = (action, fields, label, { forged = false } = {}) =>
	`<form method="post" action="${esc(action)}">${Object.entries(fields)
		.map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
		.join('')}<button${forged ? ' class="forged"' : ''}>${esc(label)}</button></form>`;

/** The trigger URLs of the running n8n and its example demos (scripts/n8n-runtime/demos.js demoPlan). */
function setDemoPlan(sandbox, plan, { n8nUrl } = {}) {
	sandbox.demoPlan = plan;
	sandbox.n8nUrl = n8nUrl;
}

const planUrl = (sandbox, demo) => ((sandbox.demoPlan || []).find((entry) => entry.demo === demo) || {}).webhookUrl;

function record(sandbox, entry) {
	sandbox.homeLog = [{ at: new Date().toISOString(), ...entry }, ...(sandbox.homeLog || [])].slice(0, 20);
}

function outcomeOf(result) {
	const delivery = result.delivery || {};
	const expected = DEMOS[result.demo] && DEMOS[result.demo].expect;
	const matched = expected ? delivery.status === expected.status : undefined;
	return { status: delivery.status, response: delivery.response, asExpected: matched };
}

// ---------------------------------------------------------------- actions
const ACTIONS = {
	// a demo notification (signed or forged) to a trigger URL
	async demo(sandbox, body) {
		const result = await runDemo(sandbox, body.demo, { url: body.url });
		const outcome = outcomeOf(result);
		record(sandbox, { ok: outcome.asExpected !== false, text: `${result.title}: ${result.summary}. n8n answered ${outcome.status} ${String(outcome.response || '').slice(0, 160)}` });
		return { ...result, outcome };
	},
	// a KPAY card checkout: the payment request, then the browser goes to KPAY's payment page
	async 'kpay/checkout'(sandbox, body) {
		const url = body.url || planUrl(sandbox, 'kpay-card-paid');
		if (!url) throw Object.assign(new Error('give the KPAY Trigger\'s callback URL'), { status: 400 });
		const amount = Number(body.amount || 1_250_000);
		const transaction = await kpayCheckout(sandbox, { url, amount });
		record(sandbox, { ok: true, text: `KPAY payment request ${transaction.authority} for IRR ${transaction.final_amount}: open its payment page` });
		return { ...transaction, redirect: `/kpay/api/v1/pay/${transaction.authority}` };
	},
	async 'kpay/crypto'(sandbox, body) {
		const answer = await control(sandbox, `/kpay/payments/${encodeURIComponent(body.id)}/${encodeURIComponent(body.event)}`, {});
		record(sandbox, { ok: true, text: `KPAY crypto payment ${answer.payment.order_id}: ${body.event} → ${answer.payment.status}${answer.delivery ? `; notified, n8n answered ${answer.delivery.status}` : ''}` });
		return { ...answer, redirect: `/kpay/api/v1/gateway/pay/${encodeURIComponent(body.id)}` };
	},
	async 'kazepay/kyc'(sandbox, body) {
		const answer = await control(sandbox, `/kazepay/kyc/${encodeURIComponent(body.email)}/decision`, { status: body.decision });
		record(sandbox, { ok: true, text: `KazePay KYC of ${body.email}: ${answer.status} (KYC_STATUS event sent to ${sandbox.state('kazepay').webhookUrl || 'no registered URL'})` });
		return answer;
	},
	async 'kazawallet/link'(sandbox, body) {
		const url = body.url || planUrl(sandbox, 'kazawallet-link-paid') || sandbox.state('kazawallet').webhookUrl;
		if (!url) throw Object.assign(new Error('no webhook URL to notify'), { status: 400 });
		const result = await kazawalletLink(sandbox, { url, orderId: body.orderId, status: body.status === 'timed_out' ? 'timed_out' : 'fulfilled' });
		record(sandbox, { ok: result.delivery.status === 200, text: `${result.summary}; n8n answered ${result.delivery.status}` });
		return result;
	},
	async 'ezeewallet/transfer'(sandbox, body) {
		const answer = await control(sandbox, `/ezeewallet/transfers/${encodeURIComponent(body.reference)}/complete`, { status: body.status });
		record(sandbox, { ok: true, text: `eZeeWallet transfer ${body.reference}: ${answer.status}; notification sent` });
		return answer;
	},
	async 'kasha/payout'(sandbox, body) {
		const response = await fetch(`${sandbox.baseUrl}/kasha/v2/settle-payout`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': require('./providers/kasha').DEMO.apiKey },
			body: JSON.stringify({ action: body.action === 'DECLINE' ? 'DECLINE' : 'APPROVE', transactionId: body.transactionId }),
		});
		const answer = await response.json();
		if (!response.ok) throw Object.assign(new Error(`Kasha: ${JSON.stringify(answer)}`), { status: response.status });
		record(sandbox, { ok: true, text: `Kasha payout ${body.transactionId}: ${body.action === 'DECLINE' ? 'declined' : 'approved'} by the manager` });
		return answer;
	},
};

async function control(sandbox, route, body) {
	const response = await fetch(`${sandbox.baseUrl}/_control${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const answer = await response.json();
	if (!response.ok) throw Object.assign(new Error(answer.error && answer.error.message ? answer.error.message : JSON.stringify(answer)), { status: response.status });
	return answer;
}

// ---------------------------------------------------------------- pages
function kpayPaymentPage(sandbox, authority) {
	const state = sandbox.state('kpay');
	const tx = state.transactions.find((t) => t.authority === authority);
	if (!tx) return page('KPAY', `<h1>KPAY</h1><p class="bad">No payment with authority ${esc(authority)}.</p><p><a href="/">sandbox home</a></p>`);
	const shop = state.shops.find((s) => s.id === tx.shop_id) || {};
	const card = state.cards.find((c) => c.id === tx.card_id) || {};
	const pending = tx.status === 'pending';
	return page(
		'KPAY payment',
		`<h1>KPAY · card-to-card payment <span class="muted">(sandbox)</span></h1>
<div class="box"><p><b>${esc(shop.name)}</b> asks for <b>${esc(tx.final_amount.toLocaleString('en'))} Rials</b>
(${esc(tx.amount.toLocaleString('en'))} + fee ${esc(tx.fee.toLocaleString('en'))})${tx.description ? ` · ${esc(tx.description)}` : ''}</p>
<p>Transfer to card <code>${esc(card.card_number)}</code> (${esc(card.owner_name)}, ${esc(card.bank_name)}) · authority <code>${esc(tx.authority)}</code> · status <b>${esc(tx.status)}</b></p></div>
${
	pending
		? `<p>Paying sends your browser back to the shop (<code>${esc(tx.callback_url)}</code>), where the KPAY Trigger verifies the payment with KPAY.</p>
<form method="post" action="/kpay/api/v1/pay/${esc(tx.authority)}"><input type="hidden" name="action" value="pay"><button>Pay ${esc(tx.final_amount.toLocaleString('en'))} Rials</button></form>
<form method="post" action="/kpay/api/v1/pay/${esc(tx.authority)}"><input type="hidden" name="action" value="cancel"><button class="forged">Cancel</button></form>`
		: '<p>This payment is no longer pending.</p>'
}
<p><a href="/">sandbox home</a></p>`,
	);
}

function kpayCryptoPage(sandbox, id) {
	const payment = sandbox.state('kpay').payments.find((p) => p.id === id);
	if (!payment) return page('KPAY', `<h1>KPAY</h1><p class="bad">No crypto payment ${esc(id)}.</p><p><a href="/">sandbox home</a></p>`);
	const buttons = [];
	if (payment.status === 'pending') buttons.push(button('/_home/kpay/crypto', { id, event: 'deposit' }, `Send ${payment.requested_amount} ${payment.currency} to the address`));
	if (payment.status === 'confirming') buttons.push(button('/_home/kpay/crypto', { id, event: 'confirm' }, `One more block confirmation (${payment.confirmations}/${payment.required_confirmations})`));
	if (['pending', 'confirming'].includes(payment.status)) buttons.push(button('/_home/kpay/crypto', { id, event: 'expire' }, 'Let it expire', { forged: true }));
	return page(
		'KPAY crypto payment',
		`<h1>KPAY · crypto payment <span class="muted">(sandbox)</span></h1>
<div class="box"><p>Order <b>${esc(payment.order_id)}</b>: pay <b>${esc(payment.requested_amount)} ${esc(payment.currency)}</b> to <code>${esc(payment.deposit_address)}</code>${payment.memo ? ` (memo ${esc(payment.memo)})` : ''}</p>
<p>Status <b>${esc(payment.status)}</b>, confirmations ${esc(payment.confirmations)}/${esc(payment.required_confirmations)} · KPAY notifies <code>${esc(payment.webhook_url || '(no webhook URL)')}</code> at each step</p></div>
<p>${buttons.join(' ') || 'Nothing left to do.'}</p><p><a href="/">sandbox home</a></p>`,
	);
}

function homePage(sandbox) {
	const parts = [`<h1>PaySuite provider sandbox</h1><p class="muted">${esc(sandbox.baseUrl)} · every provider's API for n8n's credentials${sandbox.n8nUrl ? ` · n8n: <a href="${esc(sandbox.n8nUrl)}">${esc(sandbox.n8nUrl)}</a>` : ''}</p>`];
	const log = sandbox.homeLog || [];
	if (log.length) parts.push(`<h2 id="last">What happened</h2><table>${log.map((e) => `<tr><td class="muted">${esc(e.at.slice(11, 19))}</td><td class="${e.ok ? 'ok' : 'bad'}">${esc(e.text)}</td></tr>`).join('')}</table>`);

	// notifications to the triggers
	parts.push('<h2>Send a notification to an n8n trigger</h2>');
	const plan = sandbox.demoPlan || [];
	if (plan.length) {
		const byExample = new Map();
		for (const entry of plan) byExample.set(entry.example, [...(byExample.get(entry.example) || []), entry]);
		parts.push(`<table>${[...byExample.values()]
			.map((entries) => `<tr><td><b>${esc(entries[0].exampleName)}</b><br><code class="muted">${esc(entries[0].webhookUrl)}</code></td><td>${entries
				.map((e) => button('/_home/demo', { demo: e.demo, url: e.webhookUrl }, e.forged ? `forged: ${e.title.replace(/^[^:]+: /, '')}` : e.title.replace(/^[^:]+: /, ''), { forged: e.forged }))
				.join('<br>')}</td></tr>`)
			.join('')}</table><p class="muted">Each signed demo uses fresh references, so it starts a new execution every time; forged ones must be refused. See the executions in n8n.</p>`);
	}
	parts.push(`<details${plan.length ? '' : ' open'}><summary>any demo, any URL</summary><form method="post" action="/_home/demo"><select name="demo">${Object.entries(DEMOS)
		.map(([id, demo]) => `<option value="${esc(id)}">${esc(demo.title)}</option>`)
		.join('')}</select> <input type="url" name="url" placeholder="http://127.0.0.1:5678/webhook/…" required> <button>Send</button></form></details>`);

	// KPAY
	const kpay = sandbox.state('kpay');
	const callback = planUrl(sandbox, 'kpay-card-paid');
	parts.push(`<h2>KPAY</h2><form method="post" action="/_home/kpay/checkout">Card checkout of <input type="text" name="amount" value="1250000" style="width:8em"> Rials, calling back
<input type="url" name="url" value="${esc(callback || '')}" placeholder="the KPAY Trigger's …/callback URL" required> <button>Open KPAY's payment page</button></form>`);
	const txs = kpay.transactions.slice(-8).reverse();
	if (txs.length) parts.push(`<table><tr><th>authority</th><th>amount</th><th>status</th><th></th></tr>${txs.map((t) => `<tr><td><code>${esc(t.authority)}</code></td><td>${esc(t.final_amount)}</td><td>${esc(t.status)}</td><td>${t.status === 'pending' ? `<a href="/kpay/api/v1/pay/${esc(t.authority)}">payment page</a>` : ''}</td></tr>`).join('')}</table>`);
	const payments = kpay.payments.slice(-8).reverse();
	if (payments.length) parts.push(`<table><tr><th>crypto order</th><th>amount</th><th>status</th><th></th></tr>${payments.map((p) => `<tr><td>${esc(p.order_id)}</td><td>${esc(p.requested_amount)} ${esc(p.currency)}</td><td>${esc(p.status)} (${esc(p.confirmations)}/${esc(p.required_confirmations)})</td><td><a href="/kpay/api/v1/gateway/pay/${esc(p.id)}">payment page</a></td></tr>`).join('')}</table>`);

	// KazePay KYC
	const kazepay = sandbox.state('kazepay');
	const users = Object.entries(kazepay.users);
	parts.push(`<h2>KazePay KYC</h2>${
		users.length
			? `<table>${users.map(([email, user]) => `<tr><td>${esc(email)} (${esc(user.firstName)} ${esc(user.lastName)})</td><td>${esc(user.status)}</td><td>${user.status === 'WAITING_KYC' ? `${button('/_home/kazepay/kyc', { email, decision: 'PASSED' }, 'Approve')}${button('/_home/kazepay/kyc', { email, decision: 'REJECTED' }, 'Reject', { forged: true })}` : ''}</td></tr>`).join('')}</table>`
			: '<p class="muted">No KYC submitted yet: run the "KazePay cardholder onboarding" example in n8n.</p>'
	}<p class="muted">Decisions are sent as KYC_STATUS events to ${esc(kazepay.webhookUrl || '(no URL registered yet: activate the KazePay Trigger)')}</p>`);

	// Kazawallet payment links
	const links = kazawallet.snapshot(sandbox.state('kazawallet')).paymentLinks.slice(-10).reverse();
	parts.push(`<h2>Kazawallet payment links</h2>${
		links.length
			? `<table>${links.map((l) => `<tr><td><code>${esc(l.order_id)}</code> ref ${esc(l.ref)}</td><td>${esc(l.currency)} ${esc(l.amount)}</td><td>${esc(l.status)}</td><td>${l.status === 'pending' ? `${button('/_home/kazawallet/link', { orderId: l.order_id, status: 'fulfilled' }, 'Customer pays')}${button('/_home/kazawallet/link', { orderId: l.order_id, status: 'timed_out' }, 'Let it time out', { forged: true })}` : ''}</td></tr>`).join('')}</table>`
			: '<p class="muted">No payment link yet: run the "Kazawallet payment link for an order" example in n8n (or use a demo above).</p>'
	}`);

	// eZeeWallet pending transfers, Kasha pending payouts
	const transfers = sandbox.state('ezeewallet').transfers.filter((t) => t.status === 'pending');
	if (transfers.length) parts.push(`<h2>eZeeWallet transfers waiting for the customer</h2><table>${transfers.map((t) => `<tr><td>${esc(t.merchant_transaction_id)} (${esc(t.consumer_email)})</td><td>${esc(t.currency)} ${money(t.amount)}</td><td>${button('/_home/ezeewallet/transfer', { reference: t.ezw_reference_id, status: 'approved' }, 'Customer tops up and pays')}${button('/_home/ezeewallet/transfer', { reference: t.ezw_reference_id, status: 'declined' }, 'Declined', { forged: true })}</td></tr>`).join('')}</table>`);
	const payouts = [...sandbox.state('kasha').transactions.values()].filter((t) => t.type === 'payout' && t.status === 'PENDING');
	if (payouts.length) parts.push(`<h2>Kasha payouts awaiting approval</h2><table>${payouts.map((t) => `<tr><td>${esc(t.merchantReference)}</td><td>${esc(t.currency)} ${esc(t.paymentAmount)}</td><td>${button('/_home/kasha/payout', { transactionId: t.id, action: 'APPROVE' }, 'Approve')}${button('/_home/kasha/payout', { transactionId: t.id, action: 'DECLINE' }, 'Decline', { forged: true })}</td></tr>`).join('')}</table>`);

	// balances
	parts.push(`<h2>Balances</h2><table>${balances(sandbox).map(([provider, account, list]) => `<tr><td>${esc(provider)}</td><td>${esc(account)}</td><td>${esc(list)}</td></tr>`).join('')}</table>`);

	// requests and notifications
	const requests = sandbox.requests.slice(-30).reverse();
	parts.push(`<h2>Requests the providers received <span class="muted">(last ${requests.length} of ${sandbox.requestCount})</span></h2><table>${requests.map((r) => `<tr><td class="muted">${esc(new Date(r.at).toISOString().slice(11, 19))}</td><td>${esc(r.provider)}</td><td>${esc(r.method)} <code>${esc(r.path)}</code></td><td><code>${esc(r.body && r.body.head ? r.body.head.apiCode : '')}</code></td></tr>`).join('')}</table>`);
	const webhooks = sandbox.webhooks.slice(-20).reverse();
	parts.push(`<h2>Notifications the sandbox sent</h2>${webhooks.length ? `<table>${webhooks.map((w) => `<tr><td class="muted">${esc(new Date(w.at).toISOString().slice(11, 19))}</td><td>${esc(w.provider)}</td><td><code>${esc(w.url)}</code></td><td class="${w.status >= 200 && w.status < 300 ? 'ok' : 'bad'}">${esc(w.status)}</td><td><code>${esc(String(w.response).slice(0, 120))}</code></td></tr>`).join('')}</table>` : '<p class="muted">None yet.</p>'}`);
	parts.push('<p class="muted">JSON: <a href="/_control/requests">/_control/requests</a> · <a href="/_control/webhooks">/_control/webhooks</a> · /_control/&lt;provider&gt;/state</p>');
	return page('PaySuite sandbox', parts.join('\n'), { refresh: true });
}

function balances(sandbox) {
	const rows = [];
	for (const [username, merchant] of Object.entries(sandbox.state('ezeewallet').merchants)) {
		rows.push(['eZeeWallet', username, Object.entries(merchant.wallets).map(([c, v]) => `${c} ${money(v)}`).join(', ')]);
	}
	rows.push(['Kasha', 'merchant', Object.entries(sandbox.state('kasha').balances).map(([c, v]) => `${c} ${(v / 1e8).toFixed(2)}`).join(', ')]);
	const kzw = kazawallet.snapshot(sandbox.state('kazawallet'));
	rows.push(['Kazawallet', kazawallet.DEMO.merchantEmail, Object.entries(kzw.accounts[kazawallet.DEMO.merchantEmail] || {}).map(([c, v]) => `${c} ${v}`).join(', ')]);
	rows.push(['KazePay', 'merchant', Object.entries(sandbox.state('kazepay').merchantBalance).map(([c, v]) => `${c} ${money(v)}`).join(', ')]);
	const kpay = sandbox.state('kpay');
	for (const [userId, byCurrency] of Object.entries(kpay.balances)) {
		const user = kpay.users.find((u) => u.id === userId) || {};
		const { CURRENCIES } = require('./providers/kpay');
		rows.push(['KPAY', user.name || userId, Object.entries(byCurrency).map(([code, b]) => {
			const { decimals } = CURRENCIES.find((c) => c.code === code);
			return `${code} ${money(b.available, decimals).replace(/\.?0+$/, '')}`;
		}).join(', ')]);
	}
	return rows;
}

// ---------------------------------------------------------------- routing
// a browser's Accept (text/html first, no JSON): API clients, n8n's HTTP helpers included, keep getting JSON
const wantsHtml = (headers) => String(headers.accept || '').includes('text/html') && !String(headers.accept || '').includes('application/json');
const wantsJson = (headers) => String(headers.accept || '').includes('application/json');

/** Answers the home page's requests; undefined for every other request (the API and /_control). */
async function handle(sandbox, { method, path, body, headers }) {
	if (method === 'GET' && (path === '/' || path === '/index.html')) return html(homePage(sandbox));
	if (method === 'GET' && wantsHtml(headers)) {
		// a person's browser on KPAY's payment page links (the API answers JSON to everyone else)
		const card = /^\/kpay\/api\/v1\/pay\/([^/]+)$/.exec(path);
		if (card) return html(kpayPaymentPage(sandbox, decodeURIComponent(card[1])));
		const coin = /^\/kpay\/api\/v1\/gateway\/pay\/([^/]+)$/.exec(path);
		if (coin) return html(kpayCryptoPage(sandbox, decodeURIComponent(coin[1])));
	}
	const action = /^\/_home\/(.+)$/.exec(path);
	if (!action) return undefined;
	const run = ACTIONS[action[1]];
	if (!run || method !== 'POST') return { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { message: `no home page action ${method} ${path}` } }) };
	let result;
	try {
		result = await run(sandbox, body || {});
	} catch (error) {
		record(sandbox, { ok: false, text: `${action[1]}: ${error.message}` });
		if (wantsJson(headers)) return { status: error.status || 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { message: error.message } }) };
		return { status: 303, headers: { location: '/#last' } };
	}
	if (wantsJson(headers)) return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
	return { status: 303, headers: { location: result.redirect || '/#last' } };
}

const html = (text) => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: text });

module.exports = { handle, setDemoPlan, homePage };
