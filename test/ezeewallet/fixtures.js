'use strict';
// eZeeWallet test fixtures shared by its test files (the kit itself is test/harness/provider.js).

/** Parameters of Transfer → Create: the id and amount from each item, the rest fixed. */
const transferParams = (overrides = {}) => ({
	resource: 'transfer',
	operation: 'create',
	merchantTransactionId: '={{ $json.id }}',
	amount: '={{ $json.amount }}',
	currency: 'EUR',
	sourceWalletId: 'alice@example.com',
	sourceWalletPassword: 'alice-wallet-pw',
	returnSuccessUrl: 'https://shop.example/ok',
	returnFailureUrl: 'https://shop.example/fail',
	notificationUrl: 'https://shop.example/notify',
	merchantWebsite: 'shop.example',
	...overrides,
});

module.exports = { transferParams };
