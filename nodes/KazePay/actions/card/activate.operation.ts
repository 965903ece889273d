import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { asText, checkString } from '../../../shared/validation';
import { answerObject, kazePayRequest } from '../../transport';
import { asNodeError, providerCodeOf } from '../../errors';
import { cardDataOut, cardIdProperty, readCardId } from '../common';

// Reference: "4. Activate Physical Cards" (apiCode ucardActive): only after KYC passed; the code is single-use

const properties: INodeProperties[] = [
	{
		displayName:
			'A card can only be activated after the cardholder’s KYC has passed. The activation code reaches the cardholder through KazePay and works only once',
		name: 'activationNotice',
		type: 'notice',
		default: '',
	},
	cardIdProperty,
	{
		displayName: 'Activation Code',
		name: 'activationCode',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: '70795665',
		description: 'The single-use code the cardholder received. It never appears in the output.',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['activate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const activationCode = checkString(this.getNodeParameter('activationCode', i), 'Activation Code', {
		maxLength: 32,
		pattern: /^[A-Za-z0-9]+$/,
		patternHint: 'letters and digits only, as received',
	});
	// Sent once (createOnce): the code is single-use, so a repeated call would fail even if the first worked.
	try {
		const { data } = await kazePayRequest.call(this, 'ucardActive', { payload: { cardID, activationCode },
			itemIndex: i,
			reference: `the status of card ID "${cardID}" (Card → Get)`,
			sensitiveValues: [activationCode],
			// reference "4. Activate Physical Cards": encrypt SUCCESS, cardID, status (e.g. ACTIVE_PROCESSING)
			echo: { cardID },
		});
		return cardDataOut(answerObject(data));
	} catch (error) {
		// Run again after a lost answer, the code is already used: if the card is active, the activation the
		// lost answer was about happened. Look the card up instead of failing.
		if (providerCodeOf(error) !== 'ACTIVATION_CODE_USED') throw asNodeError(this, error, i);
		const { data } = await kazePayRequest.call(this, 'queryCard', { payload: { cardID },
			itemIndex: i,
		});
		const card = answerObject(data);
		const status = asText(card.userBankCardStatus);
		if (asText(card.cardID) !== cardID || !ACTIVATED.includes(status)) throw asNodeError(this, error, i);
		return {
			cardID,
			status,
			reconciled: true,
			reconciledBy: 'KazePay answered that the activation code was already used; Card → Get shows the card activated',
			response: cardDataOut(card),
		};
	}
}

/** Card statuses that show an activation happened (reference "Appendix Part 2" is not in the export). */
const ACTIVATED = ['ACTIVE', 'ACTIVE_PROCESSING'];
