'use strict';
// Webhook verification throughput, with Node's crypto (what the nodes use) and crypto-js for comparison.
const CryptoJS = require('crypto-js');
const { ops } = require('./lib');
const { ezeeWalletSignature, verifyEzeeWalletSignature } = require('../dist/nodes/EzeeWallet/signature');

function run() {
	const results = [];
	const n = 200_000;
	const sig = ezeeWalletSignature('order-123456', 'sandbox_merchant');
	const node = ops(n, (i) => verifyEzeeWalletSignature([`order-12345${i % 10}`], sig, 'sandbox_merchant'));
	const cjs = ops(n / 4, (i) => CryptoJS.SHA1(`order-12345${i % 10}sandbox_merchant`).toString() === sig);
	results.push(['4. eZeeWallet SHA-1 verification', `${node.toLocaleString('en')}/s (crypto-js: ${cjs.toLocaleString('en')}/s, ${(node / cjs).toFixed(1)}×)`, '—']);
	return results;
}

module.exports = { run };
