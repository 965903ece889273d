// n8n's node panel searches names and codex aliases: an operator typing what they want finds the node.
const fs = require('fs');
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');

const codex = fs
	.readdirSync(path.join(PACKAGE_ROOT, 'nodes'))
	.filter((dir) => dir !== 'shared')
	.flatMap((dir) => fs.readdirSync(path.join(PACKAGE_ROOT, 'nodes', dir)).filter((f) => f.endsWith('.node.json')).map((f) => JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'nodes', dir, f), 'utf8'))));
const find = (word) => codex.filter((c) => c.alias.some((a) => a.toLowerCase().includes(word.toLowerCase()))).map((c) => c.node.replace('n8n-nodes-paysuite.', ''));

test('every node and trigger has aliases and a subcategory', () => {
	expect(codex).toHaveLength(10);
	for (const entry of codex) {
		expect(entry.alias.length).toBeGreaterThan(3);
		expect(Object.keys(entry.subcategories)).toEqual(entry.categories);
	}
});

test.each([
	['payout', ['ezeeWallet', 'kasha']],
	['wallet', ['ezeeWallet', 'kazawallet']],
	['card', ['kazawallet', 'kazePay', 'kasha', 'kpay']],
	['KYC', ['kazePay']],
	['crypto', ['kpay']],
	['webhook', ['ezeeWalletTrigger', 'kazawalletTrigger', 'kazePayTrigger', 'kashaTrigger', 'kpayTrigger']],
])('a search for "%s" finds %j', (word, nodes) => {
	const found = find(word);
	for (const name of nodes) expect(found).toContain(name);
});
