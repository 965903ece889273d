import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

/** True when a parameter value holds no expression anywhere, so it is the same for every item. */
function isStatic(value: unknown): boolean {
	if (typeof value === 'string') return !value.startsWith('=');
	if (Array.isArray(value)) return value.every(isStatic);
	if (value && typeof value === 'object') return Object.values(value).every(isStatic);
	return true;
}

function rawValue(parameters: INodeParameters, path: string): unknown {
	let value: unknown = parameters;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object' || !(key in value)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * The execute context with a per-run cache for parameters that contain no expression. n8n resolves
 * every parameter for every item; a value typed into the node is the same for all items, so on a
 * 10,000-item run it is resolved once. Expressions, options and absent values go to n8n as usual,
 * and cached objects are handed out as copies.
 */
export function withStaticParameterCache(context: IExecuteFunctions): IExecuteFunctions {
	const parameters = context.getNode().parameters;
	const cache = new Map<string, NodeParameterValueType | object>();
	const getNodeParameter = context.getNodeParameter.bind(context) as (
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: unknown,
	) => NodeParameterValueType | object;

	// text results of expressions, per item: a value read twice in one run (an Idempotency Key that
	// defaults to the reference field, and the reference itself) is resolved once and is the same both times
	const perItem = new Map<string, NodeParameterValueType | object>();
	const cachedGetNodeParameter = (
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: unknown,
	): NodeParameterValueType | object => {
		if (options !== undefined) return getNodeParameter(name, itemIndex, fallbackValue, options);
		if (cache.has(name)) {
			const value = cache.get(name);
			return value && typeof value === 'object' ? structuredClone(value) : value;
		}
		const raw = rawValue(parameters, name);
		if (typeof raw === 'string' && !isStatic(raw)) {
			const memoKey = `${name}\u0000${itemIndex}`;
			if (perItem.has(memoKey)) return perItem.get(memoKey) as NodeParameterValueType;
			const value: NodeParameterValueType | object =
				parameterOrReference(raw, itemIndex, fallbackValue) ?? getNodeParameter(name, itemIndex, fallbackValue);
			if (typeof value === 'string' || typeof value === 'number') perItem.set(memoKey, value);
			return value;
		}
		const value = getNodeParameter(name, itemIndex, fallbackValue);
		if (raw !== undefined && isStatic(raw)) {
			cache.set(name, value && typeof value === 'object' ? structuredClone(value) : value);
		}
		return value;
	};
	/** `={{ $parameter["x"] }}` (the Idempotency Key's default) is the parameter x itself: read it, memoised. */
	const parameterOrReference = (raw: string, itemIndex: number, fallbackValue: unknown): string | undefined => {
		const reference = /^=\{\{\s*\$parameter\[["']([A-Za-z0-9_]+)["']\]\s*\}\}$/.exec(raw);
		if (!reference || rawValue(parameters, reference[1]) === undefined) return undefined;
		const value: NodeParameterValueType | object = cachedGetNodeParameter(reference[1], itemIndex, fallbackValue);
		return value === undefined || value === null ? undefined : String(value);
	};

	return new Proxy(context, {
		get(target, property, receiver) {
			if (property === 'getNodeParameter') return cachedGetNodeParameter;
			return Reflect.get(target, property, receiver);
		},
	});
}
