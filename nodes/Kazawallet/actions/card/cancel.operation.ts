import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { toNodeError } from '../../../shared/router';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';
import { CARD_CURRENCY, cardFrom, cardOutput, safeCard } from './common';

// Kazawallet API reference, "Cancel Card" (PUT /wallet-cards/cancel); body assumed { cardId }.
// A cancelled card's balance goes back once; a second cancel is refused (CARD_CANCELLED), so this is
// create-once, not a money move (KAZAWALLET_CALLS). After a lost answer the operator runs it again: the
// refusal "already cancelled" is then reconciled by looking the card up instead of failing.

const properties: INodeProperties[] = [cardIdProperty];

const displayOptions = { show: { resource: ['card'], operation: ['cancel'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	try {
		const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.cancelCard, {
			method: 'PUT',
			path: '/wallet-cards/cancel',
			body: { cardId },
			itemIndex: i,
			reference: `the state of card ${cardId} (Card → Get)`,
		});
		// `refunded` (the balance that went back) is the local sandbox's name; Kazawallet's is not public
		const refunded = moneyOf(body.refunded, CARD_CURRENCY, 'major');
		return { cardId, ...(refunded ? { money: refunded } : {}), response: safeCard(body) };
	} catch (caught) {
		const error = toNodeError.call(this, caught, i);
		const code = (error as { context?: IDataObject }).context?.providerCode;
		if (code !== 'CARD_CANCELLED') throw error;
		// already cancelled (e.g. by an earlier run whose answer was lost): the card's state is the result
		const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getCardDetails, {
			method: 'GET',
			path: '/wallet-cards/get-card-details',
			qs: { cardId },
			itemIndex: i,
		});
		const card = cardOutput(cardFrom(body));
		const status = String(card.status ?? '').toLowerCase();
		if (status && !status.startsWith('cancel')) throw error;
		return { cardId, alreadyCancelled: true, card };
	}
}
