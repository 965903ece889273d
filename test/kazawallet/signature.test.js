'use strict';
// The payment-link webhook signature, checked against crypto-js as an independent implementation.
const CryptoJS = require('crypto-js');
const { kazawalletWebhookSecret, verifyKazawalletWebhook, rawJsonFields } = require('../../dist/nodes/Kazawallet/signature');

/** The README recipe written with crypto-js: Base64(HMAC-SHA512(secret, SHA-256(amount:::order_id:::apiKey))). */
function oracle(amount, orderId, apiKey, apiSecret) {
	const digest = CryptoJS.SHA256(`${amount}:::${orderId}:::${apiKey}`);
	return CryptoJS.HmacSHA512(digest, apiSecret).toString(CryptoJS.enc.Base64);
}

const KEY = 'key_abc';
const SECRET = 'secret_xyz';
const VECTOR = 'VIxatOm1XNBy9Do6B40B1sMNw8Njl3+i1MVzzsvqAHcnBdphc0UDkTvS+albIGJC4ddOjK68HZEh+AV8/+MIKQ==';

describe('Kazawallet payment-link signature', () => {
	test('matches the crypto-js oracle and the pinned vector', () => {
		expect(oracle('10.00', 'ord_123', KEY, SECRET)).toBe(VECTOR);
		expect(kazawalletWebhookSecret('10.00', 'ord_123', KEY, SECRET)).toBe(VECTOR);
		for (const [amount, orderId] of [['0.01', 'a'], ['1999.99', '64f1c0e2b7'], ['12.34567890', 'pl-1001'], ['5', 'ünï-çødé']]) {
			expect(kazawalletWebhookSecret(amount, orderId, 'k-é', 's-✓')).toBe(oracle(amount, orderId, 'k-é', 's-✓'));
		}
	});

	test('verifies the genuine secret and refuses tampering', () => {
		const fields = { amount: '10.00', orderId: 'ord_123', secret: VECTOR };
		expect(verifyKazawalletWebhook(fields, KEY, SECRET)).toBe(true);
		expect(verifyKazawalletWebhook({ ...fields, amount: '10.01' }, KEY, SECRET)).toBe(false);
		expect(verifyKazawalletWebhook({ ...fields, orderId: 'ord_124' }, KEY, SECRET)).toBe(false);
		expect(verifyKazawalletWebhook(fields, 'other_key', SECRET)).toBe(false);
		expect(verifyKazawalletWebhook(fields, KEY, 'other_secret')).toBe(false);
		expect(verifyKazawalletWebhook({ ...fields, secret: VECTOR.slice(0, -4) }, KEY, SECRET)).toBe(false);
	});

	test('"10" and "10.00" are different signatures', () => {
		const ten = oracle('10', 'ord_123', KEY, SECRET);
		expect(ten).not.toBe(VECTOR);
		expect(verifyKazawalletWebhook({ amount: '10', orderId: 'ord_123', secret: VECTOR }, KEY, SECRET)).toBe(false);
		expect(verifyKazawalletWebhook({ amount: '10', orderId: 'ord_123', secret: ten }, KEY, SECRET)).toBe(true);
	});

	test('raw JSON fields keep numbers as written', () => {
		const raw = '{ "order_id": 987, "amount": 10.00, "nested": {"amount": 1}, "ref": "a\\"b", "list": [1, {"x": "}"}], "secret": "s" }';
		expect(rawJsonFields(raw)).toEqual({ order_id: '987', amount: '10.00', ref: 'a"b', secret: 's' });
		expect(JSON.parse(raw).amount).toBe(10);
		expect(rawJsonFields('not json')).toEqual({});
	});
});
