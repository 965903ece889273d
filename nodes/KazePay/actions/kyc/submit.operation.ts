import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { dateTimeProperty, readCalendarDate } from '../../../shared/dates';
import { checkDate, checkEmail, checkOneOf, checkString } from '../../../shared/validation';
import { answerObject, kazePayRequest } from '../../transport';
import { asNodeError, providerCodeOf } from '../../errors';
import { checkEnglish, checkIsoCountry, countryProperty, readKycImage } from '../common';

// Reference: "1. Submit KYC" (apiCode setUcardKyc, 18 fields; KazePay marks it deprecated without naming a replacement)

const imageFields = (
	name: string,
	label: string,
	required: boolean,
	hint: string,
	binaryDefault: string,
): INodeProperties[] => [
	{
		displayName: `${label} (Binary Property)`,
		name: `${name}Binary`,
		type: 'string',
		required,
		default: binaryDefault,
		placeholder: name,
		description: `Name of the input item's binary property holding the ${hint}${required ? '' : '. Leave empty when there is none.'}`,
		displayOptions: { show: { imageSource: ['binary'] } },
	},
	{
		displayName: `${label} (Base64)`,
		name: `${name}Base64`,
		type: 'string',
		typeOptions: { password: true },
		required,
		default: '',
		placeholder: 'data:image/jpeg;base64,/9j/4AAQ…',
		description: `The ${hint} as Base64 text, bare or as a data: URL${required ? '' : '. Leave empty when there is none.'}`,
		displayOptions: { show: { imageSource: ['base64'] } },
	},
];

const properties: INodeProperties[] = [
	{
		displayName:
			'KazePay may withdraw this call (it marks setUcardKyc deprecated and names no replacement). Document images are sent encrypted and never appear in the output',
		name: 'deprecationNotice',
		type: 'notice',
		default: '',
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'The cardholder’s email; KazePay identifies the user by it' },
	{ displayName: 'Mobile Prefix', name: 'mobilePrefix', type: 'string', required: true, default: '', placeholder: '60', description: 'International dialing code without "+" (China 86, Korea 82, Japan 81)' },
	{ displayName: 'Mobile Number', name: 'mobileNumber', type: 'string', required: true, default: '', placeholder: '15659874544', description: 'Phone number without the dialing code' },
	countryProperty('mobilePrefixCountry', 'Mobile Country', 'Country of the phone number (sent as its ISO 3166 two-letter code)'),
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '', description: 'The cardholder’s first name, in English (Latin letters)' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '', description: 'The cardholder’s last name, in English (Latin letters)' },
	dateTimeProperty({ displayName: 'Date of Birth', name: 'dateOfBirth', required: true, description: 'The cardholder’s date of birth (sent as yyyy-MM-dd)' }),
	{ displayName: 'Address Line', name: 'addressLine', type: 'string', required: true, default: '', description: 'Residential address in English, at most 140 characters' },
	{ displayName: 'City', name: 'city', type: 'string', required: true, default: '', placeholder: 'Paris', description: 'City of residence, in English' },
	{ displayName: 'State', name: 'state', type: 'string', required: true, default: '', description: 'State or region of residence, in English' },
	{ displayName: 'Post Code', name: 'postCode', type: 'string', required: true, default: '', placeholder: 'C2A2EX', description: 'Post code of the residential address' },
	countryProperty('countryCode', 'Country', 'Country of residence (sent as its ISO 3166 two-letter code)'),
	{
		displayName: 'Identification Type',
		name: 'identificationType',
		type: 'options',
		options: [
			{ name: 'Passport', value: 'PASSPORT' },
			{ name: 'ID Card', value: 'ID_CARD', description: 'Needs the back image as well' },
		],
		default: 'PASSPORT',
		description: 'The kind of identity document the photos show',
	},
	{ displayName: 'Identification Number', name: 'identificationNumber', type: 'string', required: true, default: '', description: 'The number of the identity document' },
	dateTimeProperty({
		displayName: 'Identification Expiry Date',
		name: 'identificationExpiryDate',
		required: true,
		description: 'When the identity document expires (sent as yyyy-MM-dd); an expired document is refused',
	}),
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		options: [
			{ name: 'Binary Data', value: 'binary', description: 'Photos attached to the input item (e.g. from an upload or HTTP Request node)' },
			{ name: 'Base64 Text', value: 'base64', description: 'Photos as Base64 text or data: URLs in fields' },
		],
		default: 'binary',
		description: 'Where the document photos come from (JPEG, PNG or WebP)',
	},
	...imageFields('front', 'Front Image', true, 'photo of the front of the document', 'front'),
	...imageFields('back', 'Back Image', false, 'photo of the back of the document (required for an ID card)', ''),
	...imageFields('handheld', 'Handheld Image', true, 'photo of the cardholder holding the document', 'handheld'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Send Images As Data URLs',
				name: 'asDataUrl',
				type: 'boolean',
				default: true,
				description: 'Whether images are sent as "data:image/jpeg;base64,…" (as the reference example shows) or as bare Base64',
			},
		],
	},
];

const displayOptions = { show: { resource: ['kyc'], operation: ['submit'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const p = (name: string) => this.getNodeParameter(name, i, '') as unknown;
	const options = this.getNodeParameter('options', i, {}) as { asDataUrl?: boolean };
	const asDataUrl = options.asDataUrl !== false;
	const timezone = this.getTimezone();
	// a calendar date from the date picker, the date the workflow's time zone shows ("1. Submit KYC": yyyy-MM-dd)
	const day = (name: string, field: string, rule: 'notFuture' | 'notPast') =>
		checkDate(readCalendarDate(p(name), field, timezone, true), field, { [rule]: true, timezone });
	const identificationType = checkOneOf(p('identificationType'), 'Identification Type', ['PASSPORT', 'ID_CARD'] as const);
	const body = {
		email: checkEmail(p('email'), 'Email'),
		mobileNumber: checkString(p('mobileNumber'), 'Mobile Number', { pattern: /^\d{4,20}$/, patternHint: '4 to 20 digits, without the dialing code' }),
		mobilePrefix: checkString(p('mobilePrefix'), 'Mobile Prefix', { pattern: /^\+?\d{1,4}$/, patternHint: 'a dialing code of 1 to 4 digits such as 60' }).replace(/^\+/, ''),
		mobilePrefixCountry: checkIsoCountry(p('mobilePrefixCountry'), 'Mobile Country'),
		firstName: checkEnglish(p('firstName'), 'First Name', { letters: true, maxLength: 64 }),
		lastName: checkEnglish(p('lastName'), 'Last Name', { letters: true, maxLength: 64 }),
		dateOfBirth: day('dateOfBirth', 'Date of Birth', 'notFuture'),
		addressLine: checkEnglish(p('addressLine'), 'Address Line', { maxLength: 140 }),
		city: checkEnglish(p('city'), 'City', { maxLength: 64 }),
		countryCode: checkIsoCountry(p('countryCode'), 'Country'),
		postCode: checkString(p('postCode'), 'Post Code', { maxLength: 16, pattern: /^[A-Za-z0-9 -]+$/, patternHint: 'letters, digits, spaces and hyphens only' }),
		state: checkEnglish(p('state'), 'State', { maxLength: 64 }),
		identificationType,
		identificationNumber: checkString(p('identificationNumber'), 'Identification Number', { maxLength: 64, pattern: /^[A-Za-z0-9-]+$/, patternHint: 'letters, digits and hyphens only' }),
		identificationExpiryDate: day('identificationExpiryDate', 'Identification Expiry Date', 'notPast'),
	};
	const source = checkOneOf(p('imageSource'), 'Image Source', ['binary', 'base64'] as const);
	const image = async (name: string, label: string) =>
		await readKycImage.call(this, i, source, p(`${name}Binary`), p(`${name}Base64`), label, asDataUrl);
	const front = await image('front', 'Front Image');
	const handheld = await image('handheld', 'Handheld Image');
	const backGiven = String(p(source === 'binary' ? 'backBinary' : 'backBase64') ?? '').trim() !== '';
	if (!backGiven && identificationType === 'ID_CARD') {
		await image('back', 'Back Image'); // throws "is required"
	}
	const back = backGiven ? await image('back', 'Back Image') : undefined;

	const payload = {
		...body,
		frontImgBase64: front.value,
		...(back ? { backImgBase64: back.value } : {}),
		handheldImgBase64: handheld.value,
	};
	try {
		const { data } = await kazePayRequest.call(this, 'setUcardKyc', { payload,
			itemIndex: i,
			reference: `the KYC status of "${body.email as string}" (KYC → Get Status)`,
			sensitiveValues: [...front.sensitive, ...handheld.sensitive, ...(back?.sensitive ?? []), body.identificationNumber],
		});
		return { email: body.email, response: answerObject(data) };
	} catch (error) {
		// Run again after a lost answer, KazePay says a KYC for this email is already under review or passed:
		// look its status up instead of failing.
		if (providerCodeOf(error) !== 'KYC_ALREADY_SUBMITTED') throw asNodeError(this, error, i);
		const { data } = await kazePayRequest.call(this, 'queryUcardKycStatus', { payload: { email: body.email },
			itemIndex: i,
		});
		const status = answerObject(data).status;
		if (status !== 'WAITING_KYC' && status !== 'PASSED') throw asNodeError(this, error, i);
		return {
			email: body.email,
			reconciled: true,
			reconciledBy: 'KazePay answered that a KYC for this email was already submitted; KYC → Get Status shows it',
			response: answerObject(data),
		};
	}
}
