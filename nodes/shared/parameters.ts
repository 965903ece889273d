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

	const cachedGetNodeParameter = (name: string, itemIndex: number, fallbackValue?: unknown, options?: unknown) => {
		if (options !== undefined) return getNodeParameter(name, itemIndex, fallbackValue, options);
		if (cache.has(name)) {
			const value = cache.get(name);
			return value && typeof value === 'object' ? structuredClone(value) : value;
		}
		const raw = rawValue(parameters, name);
		const value = getNodeParameter(name, itemIndex, fallbackValue);
		if (raw !== undefined && isStatic(raw)) {
			cache.set(name, value && typeof value === 'object' ? structuredClone(value) : value);
		}
		return value;
	};

	return new Proxy(context, {
		get(target, property, receiver) {
			if (property === 'getNodeParameter') return cachedGetNodeParameter;
			return Reflect.get(target, property, receiver);
		},
	});
}
