'use strict';
// API key and secret, full card numbers, CVVs and one-time codes never reach outputs, errors or logs.
const { logLines } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const k = providerKit('kazawallet');
const { DEMO } = k;

test('secrets stay out of outputs, errors and logs', async () => {
	const outputs = [];
	const issued = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '5.00', cardType: 'basic' });
	outputs.push(issued);
	const cardId = issued.items[0].card.id;
	outputs.push(await k.run({ resource: 'card', operation: 'getMany', returnAll: true }));
	outputs.push(await k.run({ resource: 'card', operation: 'get', cardId }));
	await k.control('POST', `/cards/${cardId}/spend`, { amount: '1.00', threeDS: true });
	const { code } = k.state().challenges[0];
	outputs.push(await k.run({ resource: 'card', operation: 'validateCode', cardId, code }));
	outputs.push(await k.run({ resource: 'card', operation: 'validateCode', cardId, code }, { continueOnFail: true }));
	// the provider echoes the secret in an error: it is redacted
	k.sandbox.injectFault({ provider: 'kazawallet', path: '/get-rate', kind: 'status', status: 400, body: { success: false, error: `bad secret ${DEMO.apiSecret} for key ${DEMO.apiKey}` } });
	const echoed = await k.run({ resource: 'wallet', operation: 'getRates' });
	expect(echoed.error.message).toBe('Kazawallet: bad secret [redacted] for key [redacted]');
	outputs.push(echoed);

	const fullNumber = k.raw().cards[0].cardNumber;
	const text = JSON.stringify(outputs.map((o) => ({ items: o.items, error: o.error && { message: o.error.message, description: o.error.description } }))) + logLines.join('\n');
	const cvv = k.raw().cards[0].cvv;
	for (const secret of [DEMO.apiSecret, DEMO.apiKey, fullNumber, `"cvv":"${cvv}"`, code]) expect(text).not.toContain(secret);
});
