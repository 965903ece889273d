'use strict';
// The `try:` lines of `npm run dev`, from one place: for every trigger example (fixtures.listExamples),
// which sandbox demo (sandbox/demos.js) notifies it, at which of its webhook URLs, and the exact request
// (`curl`) that runs the demo. `npm run dev` prints them, the sandbox home page offers them as buttons,
// and test/e2e/dev-demos.e2e.js sends these very requests to a real n8n and checks each one starts an
// execution (the forged ones none), so the printed lines cannot drift from what works.

const { DEMOS } = require('../../sandbox/demos');

const PACKAGE_PREFIX = 'n8n-nodes-paysuite.';

/**
 * Which demos fit a trigger node: by its type and, where one trigger type serves several kinds of event,
 * by its parameters (Kazawallet: payment links or card 3DS; KPAY: card callback when a success page is set).
 * @returns {string[]} demo ids, signed ones first
 */
function demosForTrigger(node) {
	const type = node.type.startsWith(PACKAGE_PREFIX) ? node.type.slice(PACKAGE_PREFIX.length) : node.type;
	const parameters = node.parameters || {};
	switch (type) {
		case 'ezeeWalletTrigger':
			return ['ezeewallet-transfer-paid', 'ezeewallet-forged'];
		case 'kashaTrigger':
			return ['kasha-payout-completed', 'kasha-payout-declined', 'kasha-forged'];
		case 'kazawalletTrigger': {
			const events = parameters.events || [];
			const ids = [];
			if (events.some((event) => event.startsWith('paymentLink.'))) ids.push('kazawallet-link-paid', 'kazawallet-link-timed-out', 'kazawallet-link-forged');
			if (events.includes('3DS_CONFIRM')) ids.push('kazawallet-card-3ds', 'kazawallet-card-3ds-forged');
			return ids;
		}
		case 'kazePayTrigger':
			return ['kazepay-card-transaction', 'kazepay-forged'];
		case 'kpayTrigger':
			return parameters.successUrl ? ['kpay-card-paid', 'kpay-card-forged'] : ['kpay-crypto-completed', 'kpay-crypto-forged'];
		default:
			return [];
	}
}

/** The request that runs a demo for a webhook URL (what the `try:` line's curl sends). */
function demoRequest(sandboxUrl, demo, webhookUrl) {
	return { method: 'POST', url: `${sandboxUrl}/_control/demo/${demo}`, body: { url: webhookUrl } };
}

const curlOf = ({ method, url, body }) => `curl -s -X ${method} ${url} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;

/**
 * Every trigger example's demos: [{ example, node, demo, title, forged, expect, webhookUrl, request, curl }].
 * @param {object} options
 * @param {ReturnType<import('./fixtures').listExamples>} options.examples
 * @param {string} options.sandboxUrl the sandbox's base URL
 * @param {(webhookId: string, path: string, trigger: object) => string} options.webhookUrl n8n's production URL of a webhook
 * @param {(type: string) => { webhooks: object[] }} options.triggerType the trigger's description (fixtures.packageTriggerTypes)
 */
function demoPlan({ examples, sandboxUrl, webhookUrl, triggerTypes }) {
	const plan = [];
	for (const example of examples) {
		for (const trigger of example.triggers) {
			const node = example.workflow.nodes.find((n) => n.name === trigger.node);
			const webhooks = (triggerTypes[trigger.type] || {}).webhooks || [];
			for (const id of demosForTrigger(node)) {
				const demo = DEMOS[id];
				// the demo's webhook by its path (KPAY's trigger has GET …/callback and POST …/crypto), else the 'default' one
				const hook = (demo.webhookPath && webhooks.find((w) => w.path === demo.webhookPath)) || webhooks.find((w) => w.name === 'default') || webhooks[0];
				const url = webhookUrl(trigger.webhookId, hook.path, { isFullPath: Boolean(hook.isFullPath) });
				const request = demoRequest(sandboxUrl, id, url);
				plan.push({ example: example.id, exampleName: example.name, node: trigger.node, demo: id, title: demo.title, forged: Boolean(demo.forged), expect: demo.expect, webhookUrl: url, webhookMethod: hook.httpMethod || 'POST', request, curl: curlOf(request) });
			}
		}
	}
	return plan;
}

module.exports = { demosForTrigger, demoPlan, demoRequest, curlOf };
