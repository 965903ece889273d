'use strict';
// Kasha's own test fixtures (the one kit, test/harness/provider.js, gives run, credentials, state, waitFor):
// Kasha's signature as a sender computes it, signed posts, and typical node parameters.

const crypto = require('crypto');
const kashaSandbox = require('../../sandbox/providers/kasha');
const { post } = require('../harness/n8n');

/** Kasha's signature as Kasha's docs compute it: Base64 HMAC-SHA256 of the body with the signature key. */
const signature = (body, key = kashaSandbox.DEMO.signatureKey) => crypto.createHmac('sha256', key).update(body).digest('base64');

/** Posts a notification signed as Kasha signs it (over the exact bytes sent); `key: null` sends it unsigned. */
async function signedPost(url, payload, { format = 'json', key = kashaSandbox.DEMO.signatureKey, headers = {} } = {}) {
	const body = format === 'form' ? new URLSearchParams(payload).toString() : typeof payload === 'string' ? payload : JSON.stringify(payload);
	const signed = key === null ? {} : { 'x-signature': signature(body, key) };
	// sent as a string, so the bytes signed are the bytes sent
	const type = format === 'form' ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
	return await post(url, body, { headers: { ...type, ...signed, ...headers } });
}

/** Parameters of a payment session (Initiate / Pay), Brazil unless told otherwise. */
function paymentSession(overrides = {}) {
	return {
		resource: 'payment',
		operation: 'initiate',
		country: 'BR',
		currency: 'BRL',
		amount: '130.50',
		redirectUrl: 'https://shop.example.com/done',
		language: 'PT',
		customerName: 'John Doe',
		customerDetails: { phone: '+5511999999999', email: 'john@example.com', ip: '84.232.140.77', userDevice: 'mobile', userAgent: 'Mozilla/5.0' },
		...overrides,
	};
}

function payoutSession(overrides = {}) {
	return {
		resource: 'payout',
		operation: 'initiate',
		country: 'AR',
		currency: 'ARS',
		amount: '200',
		redirectUrl: 'https://shop.example.com/payout-done',
		customerName: 'John Smith',
		customerDetails: { phone: '25412340000', ip: '84.232.140.77' },
		...overrides,
	};
}

const VISA_OK = '4111111111111111';
const card = (number = VISA_OK, extra = {}) => ({ cardNumber: number, cvv: '123', expiryMonth: '12', expiryYear: '2031', cardholder: 'John Doe', ...extra });

module.exports = { kashaSandbox, signature, signedPost, paymentSession, payoutSession, card, VISA_OK };
