// The AI-agent example (examples/agents/): read operations as tools, the money move behind a human
// approval of the tool call, with the ledger on and a maximum amount. It needs a chat model to run, so
// this checks what can be checked without one: the node types and parameters exist in the package, and
// the money move reaches the agent only through the approval tool.
const fs = require('fs');
const path = require('path');
const { loadPackage, PACKAGE_ROOT } = require('../harness/n8n');

const example = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'examples/agents/ai-agent-payouts-with-approval.json'), 'utf8'));
const byName = Object.fromEntries(example.nodes.map((n) => [n.name, n]));

test('every package node in it is a tool variant of a usableAsTool node with known parameters', async () => {
	const { nodeTypesByName } = await loadPackage();
	const packageNodes = example.nodes.filter((n) => n.type.startsWith('n8n-nodes-paysuite.'));
	expect(packageNodes.length).toBeGreaterThanOrEqual(3);
	for (const n of packageNodes) {
		expect(n.type.endsWith('Tool')).toBe(true);
		const type = nodeTypesByName[n.type.replace(/Tool$/, '')];
		expect(type.description.usableAsTool).toBe(true);
		const names = new Set(type.description.properties.map((p) => p.name));
		for (const parameter of Object.keys(n.parameters)) expect([n.name, parameter, names.has(parameter)]).toEqual([n.name, parameter, true]);
	}
});

test('the money move keeps the ledger on, has a maximum, and reaches the agent only through the approval', () => {
	const payout = byName['Pay out (max 50 per call)'];
	expect(payout.parameters.operation).toBe('create');
	expect(payout.parameters.executionOptions).toEqual({ paymentLedger: true, agentMaxAmount: '50.00' });
	expect(example.connections[payout.name]).toEqual({ ai_tool: [[{ node: 'Approve in chat', type: 'ai_tool', index: 0 }]] });
	expect(byName['Approve in chat'].type).toBe('@n8n/n8n-nodes-langchain.chatHitlTool');
	expect(example.connections['Approve in chat'].ai_tool[0][0].node).toBe('AI Agent');
	// the read tools go straight to the agent
	for (const name of ['Payout status', 'Wallet balances']) expect(example.connections[name].ai_tool[0][0].node).toBe('AI Agent');
});
