import type {
	IDataObject,
	IExecuteFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { FieldError } from './validation';

/**
 * Resource locators: "From list" (searchable, loaded from the provider), "By ID" and, where the
 * provider has a page for the thing, "By URL". n8n's UX guidelines ask for one wherever the API can
 * list the things; ids that cannot be listed stay plain fields whose description says where to find
 * them.
 */
export interface LocatorSpec {
	name: string;
	displayName: string;
	description?: string;
	/** Name of a `methods.listSearch` function; without it there is no "From list" mode. */
	searchListMethod?: string;
	/** Whether the list method filters by the typed text (it should, where the list can be long). */
	searchable?: boolean;
	idPlaceholder?: string;
	/** Regex (as text, whole value) an id must match; the editor checks it, and `readLocator` again. */
	idPattern?: string;
	idHint?: string;
	/** Where the provider has a page per thing: regex whose first group is the id. */
	urlPattern?: string;
	urlPlaceholder?: string;
	required?: boolean;
	displayOptions?: INodeProperties['displayOptions'];
}

export function resourceLocator(spec: LocatorSpec): INodeProperties {
	const idValidation = spec.idPattern
		? [{ type: 'regex' as const, properties: { regex: `^(?:${spec.idPattern})$`, errorMessage: spec.idHint ?? 'Not a valid ID' } }]
		: undefined;
	// the modes stand inside the property literal, as in n8n's own nodes (the linter reads a lone
	// { displayName, name, type } object as a parameter)
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: spec.searchListMethod ? 'list' : 'id', value: '' },
		required: spec.required ?? true,
		modes: [
			...(spec.searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: { searchListMethod: spec.searchListMethod, searchable: spec.searchable ?? true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				...(idValidation ? { validation: idValidation } : {}),
			},
			...(spec.urlPattern
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: spec.urlPlaceholder,
							validation: [{ type: 'regex' as const, properties: { regex: spec.urlPattern, errorMessage: 'Not a valid URL' } }],
							extractValue: { type: 'regex' as const, regex: spec.urlPattern },
						},
					]
				: []),
		],
		description: spec.description,
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
	};
}

/**
 * The id a locator holds, as text (trimmed). Accepts the plain value that workflows saved before the
 * field became a locator (or an expression giving a string or number), and a locator object whose URL
 * mode n8n has already reduced to the id.
 */
export function readLocator(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	rules: { required?: boolean; pattern?: RegExp; hint?: string } = {},
): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	let value: unknown = raw;
	if (raw && typeof raw === 'object' && '__rl' in (raw as IDataObject)) value = (raw as IDataObject).value;
	else if (raw && typeof raw === 'object' && 'value' in (raw as IDataObject)) value = (raw as IDataObject).value;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (value !== undefined && value !== null && value !== '' && typeof value !== 'string' && typeof value !== 'number') {
		throw new FieldError(field, 'must be an ID (text or a number)');
	}
	if (!text) {
		if (rules.required ?? true) throw new FieldError(field, 'is required (pick one from the list or enter its ID)');
		return '';
	}
	if (rules.pattern && !rules.pattern.test(text)) throw new FieldError(field, `must be ${rules.hint ?? 'a valid ID'}`);
	return text;
}

/**
 * A list-search answer from a list the provider returned: case-insensitive match of the typed filter
 * on name or id, in the provider's order, at most `max` results (the editor shows a list, not a report).
 */
export function searchResults(items: INodeListSearchItems[], filter?: string, max = 200): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const matching = needle
		? items.filter((item) => item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle))
		: items;
	return { results: matching.slice(0, max) };
}
