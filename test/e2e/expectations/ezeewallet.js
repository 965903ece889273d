'use strict';
// eZeeWallet examples' assertions (format: ../expectations.js).

const EZW_DEMO_USERNAME = 'sandbox_merchant';

module.exports = {
	// the editor calls of examples.e2e.js: searchTransfers lists the transfers of the last 90 days, which a
	// fresh sandbox has none of; `parameters` first makes one through the sandbox's eZeeWallet API.
	listSearch: {
		searchTransfers: {
			async parameters({ sandbox }) {
				const response = await fetch(`${sandbox.baseUrl}/ezeewallet/api/transfers_new`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						authorization: `Basic ${Buffer.from(`${EZW_DEMO_USERNAME}:sandbox_api_password`).toString('base64')}`,
					},
					body: JSON.stringify({
						merchant_transaction_id: `list-search-${Date.now()}`, amount: 100, currency: 'EUR', source_wallet_id: 'alice@example.com',
						source_wallet_pwd: Buffer.from('alice-wallet-pw').toString('base64'), return_success_url: 'https://shop.example/ok',
						return_failure_url: 'https://shop.example/failed', notification_url: 'https://shop.example/notify', merchant_website: 'https://shop.example',
					}),
				});
				if (response.status !== 200) throw new Error(`could not make a transfer to list: ${response.status}`);
				return {};
			},
		},
	},

	// examples/ezeewallet-scheduled-payout-run.json
	exEzwPayoutRun01: {
		check({ nodeItems, lastNodeItems, sandbox }) {
			const payouts = nodeItems('Batch payout');
			expect(payouts.map((p) => [p.email, p.amount, p.currency, p.response.status, p.money.amount])).toEqual([
				['alice@example.com', 1250, 'EUR', 'pending', '12.50'],
				['bob@example.com', 725, 'EUR', 'pending', '7.25'],
				['carol@example.com', 3000, 'USD', 'pending', '30.00'],
			]);
			expect(payouts.every((p) => /^payout-\d{4}-\d{2}-\d{2}-(alice|bob|carol)$/.test(p.merchant_reference))).toBe(true);
			expect(lastNodeItems).toEqual([
				expect.objectContaining({ payees: 3, totalsMinor: { EUR: 1975, USD: 3000 }, statuses: ['pending'], skipped: [] }),
			]);
			// the sandbox: one batch request, money moved once
			expect(sandbox.count({ provider: 'ezeewallet', method: 'POST', path: '/batch_payouts_new' })).toBe(1);
			const state = sandbox.state('ezeewallet');
			expect(state.merchants[EZW_DEMO_USERNAME].wallets).toMatchObject({ EUR: 10_000_000 - 1975, USD: 5_000_000 - 3000 });
			expect(state.consumers['alice@example.com'].wallets.EUR).toBe(50_000 + 1250);
			expect(state.consumers['bob@example.com'].wallets.EUR).toBe(1_000 + 725);
			expect(state.consumers['carol@example.com'].wallets.USD).toBe(3000);
			expect(state.payouts.map((p) => p.merchant_reference)).toEqual(payouts.map((p) => p.merchant_reference));
		},
	},

	// examples/ezeewallet-notification-marks-order-paid.json
	exEzwOrderPaid01: {
		signed: [
			{
				// the sandbox records the transfer it notifies about (1.00 EUR), which the trigger confirms with Transaction → Get
				name: 'a signed "approved" transfer notification, confirmed with eZeeWallet, marks the order paid',
				send: ({ url, control }) => control('/ezeewallet/notify', { url, payload: { transaction_id: 'order-1001', status: 'approved' } }),
				check({ nodeItems, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					expect(JSON.parse(delivery.response)).toEqual({ unique_id: 'order-1001' });
					const [trigger] = nodeItems('eZeeWallet Trigger');
					expect(trigger).toMatchObject({ transaction_id: 'order-1001', status: 'approved', id: 'order-1001', kind: 'transfer', verification: 'signature+lookup', amount: 100, currency: 'EUR', money: { amount: '1.00', currency: 'EUR', minor: 100 } });
					expect(trigger.signature).toBeUndefined();
					expect(trigger.notification.signature).toBeUndefined();
					const reference = sandbox.state('ezeewallet').transfers.find((t) => t.merchant_transaction_id === 'order-1001').ezw_reference_id;
					expect(nodeItems('Mark order as paid')).toEqual([
						expect.objectContaining({ orderId: 'order-1001', paymentStatus: 'paid', amountMinor: 100, currency: 'EUR', provider: 'ezeewallet', providerReference: reference, kind: 'transfer' }),
					]);
				},
			},
			{
				name: 'a real transfer completed in the sandbox notifies n8n (sandbox signs it itself)',
				async send({ sandbox, url, control }) {
					// a consumer short of funds: the transfer stays pending until the consumer tops up
					const response = await fetch(`${sandbox.baseUrl}/ezeewallet/api/transfers`, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							authorization: `Basic ${Buffer.from(`${EZW_DEMO_USERNAME}:sandbox_api_password`).toString('base64')}`,
						},
						body: JSON.stringify({
							transaction_id: 'order-2002',
							amount: 5_000,
							currency: 'EUR',
							source_wallet_id: 'bob@example.com',
							source_wallet_pwd: Buffer.from('bob-wallet-pw').toString('base64'),
							return_success_url: 'https://shop.example/ok',
							return_failure_url: 'https://shop.example/failed',
							notification_url: url,
							merchant_website: 'https://shop.example',
						}),
					});
					expect(response.status).toBe(200);
					const transfer = sandbox.state('ezeewallet').transfers.find((t) => t.merchant_transaction_id === 'order-2002');
					expect(transfer.status).toBe('pending');
					const before = sandbox.webhooks.length;
					await control(`/ezeewallet/transfers/${transfer.ezw_reference_id}/complete`, { status: 'approved' });
					for (let i = 0; i < 100 && sandbox.webhooks.length === before; i++) await new Promise((r) => setTimeout(r, 100));
					return sandbox.webhooks[sandbox.webhooks.length - 1];
				},
				check({ nodeItems, delivery }) {
					expect(delivery.status).toBe(200);
					expect(nodeItems('Mark order as paid')).toEqual([expect.objectContaining({ orderId: 'order-2002', paymentStatus: 'paid' })]);
				},
			},
		],
		forged: [
			{
				name: 'a wrong signature is refused with 401',
				send: ({ url, control }) =>
					control('/ezeewallet/notify', { url, payload: { transaction_id: 'order-1001', status: 'approved', signature: '0'.repeat(40) } }),
			},
			{
				name: 'a notification signed with another merchant username is refused with 401',
				send: ({ url, control }) => {
					const signature = require('crypto').createHash('sha1').update(`order-3003someone_else`).digest('hex');
					return control('/ezeewallet/notify', { url, payload: { transaction_id: 'order-3003', status: 'approved', signature } });
				},
			},
			{
				name: 'a captured "declined" notification replayed as "approved" is refused with 409 (eZeeWallet\'s record says declined)',
				status: 409,
				async send({ sandbox, url, control }) {
					const auth = `Basic ${Buffer.from(`${EZW_DEMO_USERNAME}:sandbox_api_password`).toString('base64')}`;
					const response = await fetch(`${sandbox.baseUrl}/ezeewallet/api/transfers_new`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', authorization: auth },
						body: JSON.stringify({
							merchant_transaction_id: 'order-4004', amount: 500_000, currency: 'EUR', source_wallet_id: 'bob@example.com',
							source_wallet_pwd: Buffer.from('bob-wallet-pw').toString('base64'), return_success_url: 'https://shop.example/ok',
							return_failure_url: 'https://shop.example/failed', notification_url: 'https://shop.example/notify', merchant_website: 'https://shop.example',
						}),
					});
					const { transfer } = await response.json();
					await control(`/ezeewallet/transfers/${transfer.ezw_reference_id}/complete`, { status: 'declined' });
					// the signature (over the id only) is genuine; the status is the attacker's
					return control('/ezeewallet/notify', { url, payload: { transaction_id: 'order-4004', status: 'approved' } });
				},
			},
			{
				name: 'an unsigned notification is refused with 401',
				send: async ({ url }) => {
					const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transaction_id: 'order-1001', status: 'approved' }) });
					return { status: response.status, response: await response.text() };
				},
			},
		],
	},
};
