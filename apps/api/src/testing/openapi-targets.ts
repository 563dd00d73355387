import type { FuzzTarget } from '@hub/test-kit';

interface DocumentOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; $ref?: string } }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** The body's field names, through a `$ref` to a component when the document uses one. */
function bodyFields(document: OpenApiDocument, operation: DocumentOperation): string[] {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const named = schema?.$ref ? document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] : schema;
  return Object.keys(named?.properties ?? {});
}

/** Every operation of the API's own OpenAPI document, as a fuzz target: none can be forgotten. */
export function targetsOfDocument(document: OpenApiDocument): FuzzTarget[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        method,
        path,
        query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        bodyFields: bodyFields(document, operation),
      })),
  );
}

/** `METHOD /path` of a target, as reports name it. */
export const routeName = (target: { method: string; path: string }): string => `${target.method.toUpperCase()} ${target.path}`;
