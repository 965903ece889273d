const v = require('../../dist/nodes/shared/validation');
const { redactText, maskCardNumber, omitKeys } = require('../../dist/nodes/shared/redact');
const { safeEqual } = require('../../dist/nodes/shared/webhook');

const fails = (fn, pattern) => {
	let error;
	try {
		fn();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(v.FieldError);
	if (pattern) expect(error.message).toMatch(pattern);
	return error;
};

test('checkString: required, trimming, lengths, pattern', () => {
	expect(v.checkString('  a ', 'Name')).toBe('a');
	expect(v.checkString(12, 'Name')).toBe('12');
	expect(v.checkString('', 'Name', { required: false })).toBe('');
	fails(() => v.checkString('   ', 'Name'), /Name is required/);
	fails(() => v.checkString('abcdef', 'Name', { maxLength: 5 }), /at most 5 characters \(got 6\)/);
	fails(() => v.checkString('ab', 'Name', { minLength: 3 }), /at least 3/);
	fails(() => v.checkString({}, 'Name'), /must be text/);
	fails(() => v.checkString('x1', 'Code', { pattern: /^[a-z]+$/, patternHint: 'letters only' }), /Code must be letters only/);
});

test('emails, URLs, currencies, countries, dates, integers, options', () => {
	expect(v.checkEmail('a.b+c@example.co', 'Email')).toBe('a.b+c@example.co');
	for (const bad of ['a@b', 'not-an-email', 'a b@example.com', '<script>@x.com', "x'@y.com"]) fails(() => v.checkEmail(bad, 'Email'), /Email must be an email/);
	expect(v.checkUrl('https://x.example/p?q=1', 'URL')).toBe('https://x.example/p?q=1');
	fails(() => v.checkUrl('javascript:alert(1)', 'URL'), /https/);
	fails(() => v.checkUrl('example.com', 'URL'), /full URL/);
	expect(v.checkCurrency('usd', 'Currency')).toBe('USD');
	fails(() => v.checkCurrency('US', 'Currency'), /three-letter/);
	expect(v.checkCountry('de', 'Country')).toBe('DE');
	fails(() => v.checkCountry('DEU', 'Country'), /two-letter/);
	expect(v.checkDate('2024-02-29', 'Date')).toBe('2024-02-29');
	fails(() => v.checkDate('2023-02-29', 'Date'), /not a real calendar date/);
	fails(() => v.checkDate('29/02/2024', 'Date'), /yyyy-MM-dd/);
	expect(v.checkInteger('42', 'Page', { min: 1, max: 100 })).toBe(42);
	fails(() => v.checkInteger(0, 'Page', { min: 1 }), /at least 1/);
	fails(() => v.checkInteger(1.5, 'Page'), /whole number/);
	expect(v.checkOneOf('a', 'Mode', ['a', 'b'])).toBe('a');
	fails(() => v.checkOneOf('c', 'Mode', ['a', 'b']), /one of: a, b/);
});

test('redaction removes secrets and masks card numbers', () => {
	expect(redactText('bad password hunter22 for user', ['hunter22'])).toBe('bad password [redacted] for user');
	expect(redactText('card 4111 1111 1111 1111 declined', [])).toBe('card ************1111 declined');
	expect(redactText('short ab stays', ['ab'])).toBe('short ab stays');
	expect(maskCardNumber('5500-0000-0000-0004')).toBe('************0004');
	// not card numbers: digits inside a UUID or a longer reference
	expect(redactText('Transaction ID: 82792007-0081-4786-b89d-faf26451f373.', [])).toBe('Transaction ID: 82792007-0081-4786-b89d-faf26451f373.');
	expect(redactText('ref e692c57a-1bb3-492a-9284-831727341087', [])).toBe('ref e692c57a-1bb3-492a-9284-831727341087');
	expect(redactText('card 5500000000000004.', [])).toBe('card ************0004.');
	// UUIDs whose groups happen to be all digits are IDs to look up, not card numbers
	expect(redactText('Transaction ID: 51247562-5907-4633-8f2a-8d1baa3fdf5e.', [])).toBe('Transaction ID: 51247562-5907-4633-8f2a-8d1baa3fdf5e.');
	expect(redactText('id 0a1b2c3d-4e5f-4633-1234-567890123456 and card 5500-0000-0000-0004.', [])).toBe('id 0a1b2c3d-4e5f-4633-1234-567890123456 and card ************0004.');
	expect(omitKeys({ a: 1, pwd: 2, nested: [{ pwd: 3, b: 4 }] }, new Set(['pwd']))).toEqual({ a: 1, nested: [{ b: 4 }] });
});

test('safeEqual compares in constant time and exactly', () => {
	expect(safeEqual('abc', 'abc')).toBe(true);
	expect(safeEqual('abc', 'abd')).toBe(false);
	expect(safeEqual('abc', 'abcd')).toBe(false);
	expect(safeEqual('', '')).toBe(true);
});
