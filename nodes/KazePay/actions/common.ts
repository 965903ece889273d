import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { omitKeys, redactFields } from '../../shared/redact';
import { asText, checkString, FieldError } from '../../shared/validation';
import { revealCardDataOption as revealCardData } from '../../shared/output';

/** ISO 3166-1 alpha-2 codes (the reference asks for "ISO3166-2 2-digit country code", e.g. MY). */
const ISO_3166_ALPHA2 = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
		'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
		'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
		'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
		'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
		'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
		'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
	).split(' '),
);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The ISO 3166 countries as dropdown options, by English name (an expression can still give a code). */
export const COUNTRY_OPTIONS: INodePropertyOptions[] = [...ISO_3166_ALPHA2]
	.map((code) => ({ name: `${regionNames.of(code) ?? code} (${code})`, value: code }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** A country dropdown (ISO 3166 two-letter codes, as the reference asks). */
export function countryProperty(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'options', options: COUNTRY_OPTIONS, required: true, default: '', description };
}

/** An ISO 3166-1 alpha-2 country code that exists, returned upper-case. */
export function checkIsoCountry(value: unknown, field: string): string {
	const text = checkString(value, field, {
		pattern: /^[A-Za-z]{2}$/,
		patternHint: 'a two-letter ISO 3166 country code such as MY',
	}).toUpperCase();
	if (!ISO_3166_ALPHA2.has(text)) throw new FieldError(field, `"${text}" is not an ISO 3166 country code`);
	return text;
}

/**
 * Text that must be "in English" (reference: names and address): printable ASCII letters, digits,
 * spaces and common punctuation only, so accented or non-Latin text is refused before sending.
 */
export function checkEnglish(
	value: unknown,
	field: string,
	rules: { maxLength?: number; letters?: boolean; required?: boolean } = {},
): string {
	const pattern = rules.letters ? /^[A-Za-z][A-Za-z .'-]*$/ : /^[A-Za-z0-9 .,'#&()/:;-]+$/;
	return checkString(value, field, {
		required: rules.required ?? true,
		maxLength: rules.maxLength,
		pattern,
		patternHint: rules.letters
			? 'in English: Latin letters, spaces, dots, apostrophes and hyphens only'
			: 'in English: Latin letters, digits, spaces and . , \' # & ( ) / : ; - only',
	});
}

export const cardIdProperty: INodeProperties = {
	displayName: 'Card ID',
	name: 'cardId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '3377',
	description:
		'The card ID KazePay returned when the card was assigned (not the card number). KazePay has no call that lists cards: find it in the output of Card → Assign or in the KazePay Trigger’s card events.',
};

export function readCardId(this: IExecuteFunctions, i: number): string {
	return checkCardId(this.getNodeParameter('cardId', i), 'Card ID');
}

/** A card ID: letters, digits, - and _ (never a path or anything else). */
export function checkCardId(value: unknown, field: string): string {
	return checkString(value, field, {
		maxLength: 64,
		pattern: /^[A-Za-z0-9_-]+$/,
		patternHint: 'a card ID such as 3377 (letters, digits, - and _ only)',
	});
}

/**
 * The item's Idempotency Key of a money move, when set (the router requires it while the payment ledger
 * is on); KazePay's requestNo is derived from it.
 */
export function readKey(this: IExecuteFunctions, i: number): string | undefined {
	return asText(this.getNodeParameter('idempotencyKey', i, '')).trim() || undefined;
}

export const emailProperty: INodeProperties = {
	displayName: 'Cardholder Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
	description:
		'The email the cardholder’s KYC was submitted with; KazePay identifies the user by it. KazePay has no call that lists cardholders: use the email of KYC → Submit.',
};

export const revealCardDataOption: INodeProperties = revealCardData('the card number and the CVV');

/**
 * KazePay's own name for a CVV ("6. Query Card": cardCvv), which the shared redaction does not know by
 * name: it is left out of outputs like every secret field is redacted.
 */
const KAZEPAY_SECRET_FIELDS = new Set(['cardCvv']);

/**
 * Card data in an output: untouched when the operator turned on Reveal, otherwise card numbers masked
 * to their last four and CVV, PIN and activation codes removed, at any depth (shared redactFields).
 */
export function cardDataOut<T>(value: T, reveal = false): T {
	return reveal ? value : redactFields(omitKeys(value, KAZEPAY_SECRET_FIELDS));
}

/** One KYC document image, as the data URL the reference's example shows, plus what to redact. */
export interface KycImage {
	value: string;
	sensitive: string[];
}

const IMAGE_SIGNATURES: Array<{ mime: string; test: (data: Buffer) => boolean }> = [
	{ mime: 'image/jpeg', test: (d) => d.length > 3 && d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff },
	{ mime: 'image/png', test: (d) => d.length > 8 && d.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
	{ mime: 'image/webp', test: (d) => d.length > 12 && d.toString('latin1', 0, 4) === 'RIFF' && d.toString('latin1', 8, 12) === 'WEBP' },
];

/** Upper bound per image; KazePay's own limit is not documented. */
export const MAX_KYC_IMAGE_BYTES = 10 * 1024 * 1024;

function imageFromBytes(data: Buffer, field: string, asDataUrl: boolean): KycImage {
	if (data.length === 0) throw new FieldError(field, 'is empty');
	if (data.length > MAX_KYC_IMAGE_BYTES) throw new FieldError(field, `is larger than ${MAX_KYC_IMAGE_BYTES / 1024 / 1024} MB`);
	const kind = IMAGE_SIGNATURES.find((signature) => signature.test(data));
	if (!kind) throw new FieldError(field, 'must be a JPEG, PNG or WebP image');
	const base64 = data.toString('base64');
	return { value: asDataUrl ? `data:${kind.mime};base64,${base64}` : base64, sensitive: [base64] };
}

/**
 * Reads one KYC image for an item: from a binary property of the input item (a photo uploaded or
 * downloaded earlier in the workflow) or from Base64 text (bare or as a data: URL).
 */
export async function readKycImage(
	this: IExecuteFunctions,
	i: number,
	source: string,
	binaryName: unknown,
	base64Text: unknown,
	field: string,
	asDataUrl: boolean,
): Promise<KycImage> {
	if (source === 'binary') {
		const property = checkString(binaryName, `${field} (Binary Property)`, { maxLength: 200 });
		const binary = this.getInputData()[i]?.binary?.[property];
		if (!binary) {
			throw new FieldError(`${field} (Binary Property)`, `names "${property}", but the input item has no binary data of that name`);
		}
		const data = await this.helpers.getBinaryDataBuffer(i, property);
		return imageFromBytes(data, field, asDataUrl);
	}
	const text = checkString(base64Text, `${field} (Base64)`, { maxLength: Math.ceil((MAX_KYC_IMAGE_BYTES * 4) / 3) + 100 });
	const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(text);
	const payload = (match ? match[2] : text).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) throw new FieldError(`${field} (Base64)`, 'is not Base64 text');
	const image = imageFromBytes(Buffer.from(payload, 'base64'), `${field} (Base64)`, asDataUrl);
	image.sensitive.push(text);
	return image;
}

export const currencyProperty: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	required: true,
	default: 'USD',
	placeholder: 'USD',
	description: 'ISO 4217 currency code of the card (KazePay’s default is USD)',
};

/** The transactions of a queryTransactions answer: the reference shows a bare array; a wrapped list is accepted too. */
export function transactionsOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	const wrapped = (data ?? {}) as IDataObject;
	const list = wrapped.list ?? wrapped.records ?? wrapped.data;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}
