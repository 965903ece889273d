'use strict';
// Workflows for the payment-ledger cases in the real n8n (lifecycle.e2e.js, queue-mode.e2e.js): an eZeeWallet
// single payout per input item, started either by n8n's Webhook node (POST { refs: [...] }, answered with
// the payout node's output items: responseMode lastNode) or by a Manual Trigger (`n8n execute --id`, which
// pays the fixed references CLI_REFS). Both starts feed the same payout node, so they share its ledger (n8n's
// processed_data row of that node). Each payee gets a USD wallet in the sandbox (PAYEE_CONSUMERS), so "every
// recipient paid once" is read from the sandbox's payouts and wallets.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

/** Payees with a USD wallet each (the sandbox's eZeeWallet `consumers` option). */
const PAYEES = ['payee1@example.com', 'payee2@example.com', 'payee3@example.com', 'payee4@example.com'];
const PAYEE_CONSUMERS = Object.fromEntries(
	PAYEES.map((email, index) => [email, { password: `payee${index + 1}-pw`, wallets: { USD: 0 }, account: 2001 + index, verification_status: 'verified', account_status: 'active' }]),
);
/** What a run started by the Manual Trigger (`n8n execute`) pays: one payout, always the same reference. */
const CLI_REFS = ['cli-race-1'];
const AMOUNT_MINOR = 100; // 1.00 USD per payout

/**
 * A ledger workflow. `id` is its n8n id (also the webhook path), `retry` turns on the payout node's
 * Retry On Fail (maxTries 3, waitBetweenTries 0: n8n turns 0 into its 1 s default). With `barrierUrl`, a
 * run from the Manual Trigger posts each payee item to that URL right before the payout node (an HTTP
 * Request node; the URL answers with the item), so that two `n8n execute` processes, which boot at
 * different speeds, are released at the same moment and claim their keys milliseconds apart
 * (lifecycle.e2e.js).
 */
function ledgerWorkflow({ id, retry = false, barrierUrl }) {
	// stable, distinct per workflow (webhook ids must not collide between workflows)
	const nodeId = (suffix) => {
		const hex = crypto.createHash('md5').update(`${id}:${suffix}`).digest('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	};
	const payout = {
		id: nodeId(4),
		name: 'Pay out',
		type: 'n8n-nodes-paysuite.ezeeWallet',
		typeVersion: 1,
		position: [480, 100],
		parameters: {
			resource: 'payout',
			operation: 'create',
			email: '={{ $json.email }}',
			amount: '={{ $json.amount }}',
			amountUnit: 'major',
			currency: 'USD',
			merchantReference: '={{ $json.ref }}',
			// idempotencyKey left at its default: the Merchant Reference
			additionalFields: {},
		},
		credentials: { ezeeWalletApi: { id: 'sandboxEzeewallet', name: 'eZeeWallet API (sandbox)' } },
	};
	if (retry) Object.assign(payout, { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
	const payees = JSON.stringify(PAYEES);
	return {
		id,
		name: `Ledger e2e: ${id}${retry ? ' (Retry On Fail)' : ''}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: nodeId(1),
				name: 'Run over HTTP',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: nodeId(5),
				parameters: { httpMethod: 'POST', path: id, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{ id: nodeId(2), name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 200], parameters: {} },
			{
				id: nodeId(3),
				name: 'Payees',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [240, 100],
				parameters: {
					jsCode: [
						'// a Webhook request pays body.refs (none: nothing, e.g. a probe); a Manual Trigger run pays CLI_REFS',
						'const input = $input.first().json;',
						`const refs = input.headers ? (input.body && Array.isArray(input.body.refs) ? input.body.refs : []) : ${JSON.stringify(CLI_REFS)};`,
						`const payees = ${payees};`,
						"return refs.map((ref, i) => ({ json: { ref, email: payees[i % payees.length], amount: '1.00' } }));",
					].join('\n'),
				},
			},
			...(barrierUrl
				? [
						{
							id: nodeId(7),
							name: 'CLI payees',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							position: [240, 300],
							parameters: {
								jsCode: `return ${JSON.stringify(CLI_REFS)}.map((ref, i) => ({ json: { ref, email: ${payees}[i], amount: '1.00' } }));`,
							},
						},
						{
							id: nodeId(6),
							name: 'Line up',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							position: [360, 300],
							parameters: {
								method: 'POST',
								url: barrierUrl,
								sendBody: true,
								specifyBody: 'json',
								jsonBody: '={{ JSON.stringify($json) }}',
								options: { timeout: 300000 },
							},
						},
					]
				: []),
			payout,
		],
		connections: {
			'Run over HTTP': { main: [[{ node: 'Payees', type: 'main', index: 0 }]] },
			'Run now': { main: [[{ node: barrierUrl ? 'CLI payees' : 'Payees', type: 'main', index: 0 }]] },
			...(barrierUrl
				? {
						'CLI payees': { main: [[{ node: 'Line up', type: 'main', index: 0 }]] },
						'Line up': { main: [[{ node: 'Pay out', type: 'main', index: 0 }]] },
					}
				: {}),
			Payees: { main: [[{ node: 'Pay out', type: 'main', index: 0 }]] },
		},
	};
}

/** Writes workflows as import files (one JSON file each) into dir; returns the file paths. */
function writeWorkflows(dir, workflows) {
	fs.mkdirSync(dir, { recursive: true });
	return workflows.map((workflow) => {
		const file = path.join(dir, `${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
		return file;
	});
}

/** The sandbox fault that refuses the third payout request from now on (400: a definite refusal). */
const REFUSE_THIRD = {
	provider: 'ezeewallet',
	path: '/single_payouts_new',
	kind: 'status',
	status: 400,
	body: { error: { message: 'Injected refusal' } },
	skip: 2,
};

/** Payouts the sandbox made for these references (each one a real movement of money). */
function payoutsFor(sandbox, refs) {
	return sandbox.state('ezeewallet').payouts.filter((payout) => refs.includes(payout.merchant_reference));
}

/** Requests for these references that reached the sandbox's payout endpoint (sent, whatever the answer). */
function payoutRequestsFor(sandbox, refs) {
	return sandbox.requests.filter(
		(entry) => entry.provider === 'ezeewallet' && entry.method === 'POST' && entry.path === '/single_payouts_new' && refs.includes(entry.body && entry.body.merchant_reference),
	);
}

module.exports = { ledgerWorkflow, writeWorkflows, PAYEES, PAYEE_CONSUMERS, CLI_REFS, AMOUNT_MINOR, REFUSE_THIRD, payoutsFor, payoutRequestsFor };
