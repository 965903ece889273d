const { toMinorUnits, fromMinorUnits, normalizeDecimal, parseMinorUnits, currencyExponent } = require('../../dist/nodes/shared/money');
const { FieldError } = require('../../dist/nodes/shared/validation');

describe('currency exponents (ISO 4217)', () => {
	test.each([
		['USD', 2], ['eur', 2], ['JPY', 0], ['KRW', 0], ['KWD', 3], ['BHD', 3], ['TND', 3], ['CLF', 4], ['XYZ', 2],
	])('%s has %i decimals', (code, exponent) => expect(currencyExponent(code)).toBe(exponent));
});

describe('toMinorUnits', () => {
	test.each([
		['10.50', 'USD', 1050],
		['10.5', 'USD', 1050],
		['10', 'USD', 1000],
		['0.01', 'EUR', 1],
		['.5', 'EUR', 50],
		['007.10', 'EUR', 710],
		['1500', 'JPY', 1500],
		['1.234', 'KWD', 1234],
		['0.1', 'KWD', 100],
		[19.99, 'USD', 1999],
		[0.29, 'USD', 29], // 0.29 * 100 is 28.999999999999996 in floating point
		[1.005, 'KWD', 1005],
		['90071992547409.91', 'USD', 9007199254740991],
	])('%p %s → %i', (amount, currency, expected) => expect(toMinorUnits(amount, currency, 'Amount')).toBe(expected));

	test.each([
		['10.505', 'USD', /more than 2 decimal places for USD/],
		['1.5', 'JPY', /must be a whole number for JPY/],
		['1.2345', 'KWD', /more than 3 decimal places/],
		['-5', 'USD', /must be positive/],
		['0', 'USD', /greater than zero/],
		['0.00', 'USD', /greater than zero/],
		['', 'USD', /is required/],
		['abc', 'USD', /is not a number/],
		['1,50', 'USD', /is not a number/],
		['1e3', 'USD', /is not a number/],
		[1e21, 'USD', /too large or too small/],
		['90071992547409.92', 'USD', /too large/],
		[NaN, 'USD', /must be a number/],
		[{}, 'USD', /must be a number/],
	])('refuses %p %s', (amount, currency, message) => {
		let error;
		try {
			toMinorUnits(amount, currency, 'Amount');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(FieldError);
		expect(error.field).toBe('Amount');
		expect(error.message).toMatch(message);
	});
});

describe('fromMinorUnits', () => {
	test.each([
		[1050, 'USD', '10.50'], [5, 'USD', '0.05'], [0, 'USD', '0.00'], [1500, 'JPY', '1500'], [1234, 'KWD', '1.234'],
		['-105', 'EUR', '-1.05'], [9007199254740991, 'USD', '90071992547409.91'],
	])('%p %s → %s', (minor, currency, expected) => expect(fromMinorUnits(minor, currency)).toBe(expected));

	test('round trip is exact for every cent up to 10,000.00', () => {
		for (let minor = 1; minor <= 1_000_000; minor += 997) {
			expect(toMinorUnits(fromMinorUnits(minor, 'USD'), 'USD', 'Amount')).toBe(minor);
		}
	});
});

describe('normalizeDecimal and parseMinorUnits', () => {
	test('keeps trailing zeros as written and strips leading zeros', () => {
		expect(normalizeDecimal('010.00', 'Amount', { maxDecimals: 2 })).toBe('10.00');
		expect(normalizeDecimal(' 5 ', 'Amount', { maxDecimals: 2 })).toBe('5');
		expect(normalizeDecimal('0.12345678', 'Amount', { maxDecimals: 8 })).toBe('0.12345678');
		expect(() => normalizeDecimal('0.123456789', 'Amount', { maxDecimals: 8 })).toThrow(/more than 8 decimal places/);
		expect(normalizeDecimal('0', 'Fee', { maxDecimals: 2, allowZero: true })).toBe('0');
	});
	test('minor units must be whole', () => {
		expect(parseMinorUnits('1050', 'Amount')).toBe(1050);
		expect(parseMinorUnits(1050, 'Amount')).toBe(1050);
		expect(() => parseMinorUnits('10.5', 'Amount')).toThrow(/whole number/);
		expect(() => parseMinorUnits('-1', 'Amount')).toThrow(/positive/);
	});
});
