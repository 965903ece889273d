const { startTrigger, node, post } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const s = useSandbox();
test('trigger smoke', async () => {
	const creds = { ezeeWalletApi: s.sandbox.credentials().ezeewallet };
	const t = await startTrigger({ trigger: node('Trigger', 'ezeeWalletTrigger', {}), downstream: [node('After', 'harness.passThrough')], credentials: creds });
	const sig = require('crypto').createHash('sha1').update('tx1sandbox_merchant').digest('hex');
	const ok = await post(t.url(), { transaction_id: 'tx1', status: 'approved', signature: sig });
	const bad = await post(t.url(), { transaction_id: 'tx1', status: 'approved', signature: 'x' + sig.slice(1) });
	const form = await post(t.url(), { transaction_id: 'tx2', status: 'approved', signature: require('crypto').createHash('sha1').update('tx2sandbox_merchant').digest('hex') }, { format: 'form' });
	await t.settle();
	await t.close();
	expect(t.executions.length).toBe(2);
});
