'use strict';
// Issue 15: every credential's "Test" button is a read. Run each credential's test request (the way n8n
// runs it) against the sandbox and compare the provider's state before and after: nothing created,
// opened or changed. Login tokens a credential obtains (preAuthentication) are not the provider's
// business state and are left out of the comparison by name.

const { testCredential } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { sandboxCredentials } = require('../../scripts/n8n-runtime/fixtures');

const handle = useSandbox();
// login sessions, and the sandbox's journal of what it received (a read is received too)
const NOT_BUSINESS = /^(tokens?|sessions?|accessTokens?|logins?|requestNos|received|sequence|listQueries)$/i;

const json = (value) =>
	JSON.stringify(value, (key, entry) => {
		if (NOT_BUSINESS.test(key)) return undefined;
		if (entry instanceof Map) return [...entry.entries()];
		if (entry instanceof Set) return [...entry.values()];
		if (typeof entry === 'bigint') return String(entry);
		return entry;
	});

/** The provider's state per top-level key, as JSON (only key names are ever printed: the state holds keys). */
function businessState(provider) {
	const state = handle.sandbox.state(provider);
	return Object.fromEntries(Object.keys(state).filter((key) => !NOT_BUSINESS.test(key)).map((key) => [key, json(state[key])]));
}

const changedKeys = (before, after) =>
	[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();

const providers = ['ezeewallet', 'kasha', 'kazawallet', 'kazepay', 'kpay'];

test('the sandbox serves every provider whose credential is checked here', () => {
	expect(Object.keys(handle.sandbox.providers).sort()).toEqual(providers);
});

for (const provider of providers) {
	test(`the ${provider} credential test passes and changes nothing at the provider`, async () => {
		const credential = sandboxCredentials(handle.sandbox).find((entry) => entry.provider === provider);
		const before = businessState(provider);
		const requestsBefore = handle.sandbox.count({ provider });
		const result = await testCredential(credential.type, credential.data);
		expect(result).toEqual(expect.objectContaining({ passed: true }));
		// it did reach the provider (a test that sends nothing would prove nothing)
		expect(handle.sandbox.count({ provider })).toBeGreaterThan(requestsBefore);
		expect(changedKeys(before, businessState(provider))).toEqual([]);
	});
}
