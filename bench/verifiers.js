'use strict';
// Webhook verification throughput, with Node's crypto (what the nodes use) and crypto-js for comparison.
const CryptoJS = require('crypto-js');
const { ops } = require('./lib');
const { ezeeWalletSignature, verifyEzeeWalletSignature } = require('../dist/nodes/EzeeWallet/signature');
const { kazawalletWebhookSecret, verifyKazawalletWebhook } = require('../dist/nodes/Kazawallet/signature');
const { DEMO: KAZAWALLET } = require('../sandbox/providers/kazawallet');
const { openPlatformEnvelope } = require('../dist/nodes/KazePay/envelope');
const { readKazePayKeys } = require('../dist/nodes/KazePay/sealing');
const kazepaySandbox = require('../sandbox/providers/kazepay');

/**
 * One KazePay event opened as the trigger does it: keys read from the credential (PEM parsed once, then cached), keyEnc
 * RSA-OAEP-decrypted with the merchant key, body AES-256-GCM-decrypted, SHA256withRSA verified with
 * the platform key, JSON parsed. Events sealed by the sandbox's independent implementation.
 */
function kazePayEnvelopes() {
	const state = kazepaySandbox.createState(undefined, {});
	const credentials = { sysId: state.sysId, merchantPrivateKey: state.keys.merchantPrivateKey, platformPublicKey: state.keys.platformPublicKey, ...state.algorithms };
	const events = Array.from({ length: 10 }, (_, i) => {
		const plaintext = JSON.stringify({ eventType: 'CARD_TRANSACTION', cardID: '3377', transactionId: `bench-${i}`, amount: '4.00', currency: 'USD', sendTime: '2026-11-22 05:00:00' });
		const sealed = kazepaySandbox.seal(state.algorithms, state.platformPrivate, state.merchantPublic, plaintext);
		return { head: { apiCode: 'webhookNotify', sysId: state.sysId, requestNo: `2026112205000000000000${i}`, version: '1.0', sign: sealed.sign, keyEnc: sealed.keyEnc }, body: { encrypt: sealed.encrypt } };
	});
	const n = 2000;
	// as the trigger does it: the keys read from the credential for every event (parsed once, then cached)
	const perEvent = ops(n, (i) => openPlatformEnvelope(events[i % 10], readKazePayKeys(credentials)));
	return ['4b. KazePay envelope: keyEnc RSA-OAEP + AES-256-GCM + SHA256withRSA verify (Node crypto)', `${perEvent.toLocaleString('en')}/s, ${(1000 / perEvent).toFixed(2)} ms per event, as the trigger opens one`, '—'];
}

function run() {
	const results = [];
	const n = 200_000;
	const sig = ezeeWalletSignature('order-123456', 'sandbox_merchant');
	const node = ops(n, (i) => verifyEzeeWalletSignature([`order-12345${i % 10}`], sig, 'sandbox_merchant'));
	const cjs = ops(n / 4, (i) => CryptoJS.SHA1(`order-12345${i % 10}sandbox_merchant`).toString() === sig);
	results.push(['4. eZeeWallet SHA-1 verification', `${node.toLocaleString('en')}/s (crypto-js: ${cjs.toLocaleString('en')}/s, ${(node / cjs).toFixed(1)}×)`, '—']);

	// Kazawallet payment link: Base64(HMAC-SHA512(apiSecret, SHA-256(amount:::order_id:::apiKey))), checked as the trigger does
	const { apiKey, apiSecret } = KAZAWALLET;
	const kzSecret = kazawalletWebhookSecret('10.00', 'order-123456', apiKey, apiSecret);
	const kzCjs = (orderId) => CryptoJS.HmacSHA512(CryptoJS.SHA256(`10.00:::${orderId}:::${apiKey}`), apiSecret).toString(CryptoJS.enc.Base64);
	if (kzCjs('order-123456') !== kzSecret || !verifyKazawalletWebhook({ amount: '10.00', orderId: 'order-123456', secret: kzSecret }, apiKey, apiSecret)) {
		throw new Error('Kazawallet signature: Node crypto and crypto-js disagree');
	}
	const kzNode = ops(n, (i) => verifyKazawalletWebhook({ amount: '10.00', orderId: `order-12345${i % 10}`, secret: kzSecret }, apiKey, apiSecret));
	// crypto-js does HMAC-SHA512 about 15× slower: fewer rounds keep the bench short
	const kzJs = ops(n / 20, (i) => kzCjs(`order-12345${i % 10}`) === kzSecret);
	results.push(['4. Kazawallet HMAC-SHA512 (payment link) verification', `${kzNode.toLocaleString('en')}/s (crypto-js: ${kzJs.toLocaleString('en')}/s, ${(kzNode / kzJs).toFixed(1)}×)`, '—']);
	results.push(kazePayEnvelopes());
	return results;
}

module.exports = { run };
