import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { asText, checkCardNumber, checkEmail } from '../../../shared/validation';
import { answerObject, kazePayRequest } from '../../transport';
import { asNodeError, providerCodeOf } from '../../errors';
import { cardDataOut, checkCardId, emailProperty, revealCardDataOption } from '../common';

// Reference: "3. Card Assign" (apiCode ucardAssign): email, cardNumber, autoActive → cardID

const properties: INodeProperties[] = [
	emailProperty,
	{
		displayName: 'Card Number',
		name: 'cardNumber',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: '4937240800070604',
		description: 'The number printed on the physical card to hand to this cardholder. It is masked to its last four digits in the output.',
	},
	{
		displayName: 'Activate Automatically',
		name: 'autoActive',
		type: 'boolean',
		default: false,
		description: 'Whether KazePay activates the card right away (autoActive); then no Activate call with an activation code is needed',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Card ID to Reconcile With',
				name: 'reconcileCardId',
				type: 'string',
				default: '',
				placeholder: '3377',
				description:
					'Only after an assignment whose answer was lost: the card ID KazePay gave the card (from the KazePay Trigger’s event or the KazePay dashboard). When KazePay answers that the card is already assigned, the node looks this card up and returns it if its card number and cardholder email are this item’s, instead of failing. KazePay has no lookup by card number.',
			},
			revealCardDataOption,
		],
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['assign'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'Cardholder Email');
	const cardNumber = checkCardNumber(this.getNodeParameter('cardNumber', i), 'Card Number');
	const autoActive = this.getNodeParameter('autoActive', i, false) === true;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const reveal = options.revealCardData === true;
	try {
		const { data } = await kazePayRequest.call(this, 'ucardAssign', { payload: { email, cardNumber, autoActive },
			itemIndex: i,
			reference: `the cards of "${email}" in the KazePay dashboard or the KazePay Trigger's events (the card ID is not in this error), then set Options → Card ID to Reconcile With`,
			sensitiveValues: [cardNumber],
		});
		const answer = answerObject(data);
		return cardDataOut({ cardID: answer.cardID, email, cardNumber, autoActive, response: answer }, reveal);
	} catch (error) {
		// Run again after a lost answer, KazePay says "already assigned" and the card ID is lost with the
		// answer. With the card ID the operator found, the card is looked up and returned when it is this
		// item's card and cardholder; otherwise the refusal stands.
		const known = asText(options.reconcileCardId).trim();
		if (providerCodeOf(error) !== 'CARD_ALREADY_ASSIGNED' || !known) throw asNodeError(this, error, i);
		const cardID = checkCardId(known, 'Card ID to Reconcile With');
		const { data } = await kazePayRequest.call(this, 'queryCard', { payload: { cardID },
			itemIndex: i,
			sensitiveValues: [cardNumber],
		});
		const card = answerObject(data);
		const sameCard = asText(card.cardID) === cardID && asText(card.cardNo) === cardNumber;
		const sameHolder = asText(card.cardHolderEmail).toLowerCase() === email.toLowerCase();
		if (!sameCard || !sameHolder) throw asNodeError(this, error, i);
		return cardDataOut(
			{
				cardID,
				email,
				cardNumber,
				autoActive,
				status: card.userBankCardStatus as string,
				reconciled: true,
				reconciledBy: `KazePay answered that the card is already assigned; card ID "${cardID}" has this card number and cardholder email`,
				response: card,
			},
			reveal,
		);
	}
}

