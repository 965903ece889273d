const { runNode } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const s = useSandbox();
test('smoke', async () => {
	const creds = { ezeeWalletApi: s.sandbox.credentials().ezeewallet };
	const r = await runNode({ type: 'ezeeWallet', parameters: { resource: 'account', operation: 'get', email: '={{ $json.email }}' }, credentials: creds, items: [{ email: 'alice@example.com' }] });
	expect(r.items[0].wallet_account_number).toBe(1001);
});
