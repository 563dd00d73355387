import { setTimeout as sleep } from 'node:timers/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ODataError, odataFetchFailure } from './odata-error';
import type { ODataRequirement } from './odata-names';
import { redactText } from '@hub/runtime';
import { basicCredentials, decodeBody, failureOfAnswer, type ODataTransportOptions } from './odata-transport';

/**
 * 1С does not publish something the connector uses. The message names every missing object or
 * field and how to publish it; the app stops with it at start-up.
 */
export class ODataPublicationError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `1С's standard OData interface does not publish what the hub uses: ${missing.join('; ')}. ` +
        'Publish them in 1С: open the processing «Настройка стандартного интерфейса OData» (Администрирование → Синхронизация данных), ' +
        'tick these objects and save (it calls УстановитьСоставСтандартногоИнтерфейсаOData), and give the user in ONEC_USERNAME the role УдаленныйДоступOData.',
    );
    this.name = 'ODataPublicationError';
  }
}

interface Declared {
  /** EntityType and ComplexType name → property names. */
  types: Map<string, Set<string>>;
  /** EntitySet name → EntityType name. */
  sets: Map<string, string>;
  /** `<bound type>/<function>` → the result's type name ('' when it returns nothing). */
  functions: Map<string, string>;
}

const unqualified = (type: string) => type.replace(/^Collection\((.*)\)$/, '$1').replace(/^.*\./, '');

/**
 * Reads `$metadata` as it streams (16.8 MB on a real УТ, P4-real-metadata.md «Описание»), keeping
 * only the types whose names start with an entity set the connector uses. Shape as a real УТ writes it
 * (Romandredan/odata1c-gate tests/fixtures/edmx/ut-real.edmx): EntityType/ComplexType with Property,
 * EntityContainer with EntitySet and FunctionImport bound through its `bindingParameter`.
 */
export async function readDeclared(chunks: AsyncIterable<string>, requirements: readonly ODataRequirement[]): Promise<Declared> {
  const prefixes = requirements.map((r) => r.entitySet);
  const wanted = (name: string) => prefixes.some((prefix) => name.startsWith(prefix));
  const declared: Declared = { types: new Map(), sets: new Map(), functions: new Map() };
  const parser = new SaxesParser({ xmlns: false });
  let currentType: Set<string> | undefined;
  let currentFunction: { name: string; returns: string; bound?: string } | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.attributes['Name'] ?? '';
    switch (tag.name) {
      case 'EntityType':
      case 'ComplexType':
        currentType = wanted(name) ? new Set() : undefined;
        if (currentType) declared.types.set(name, currentType);
        break;
      case 'Property':
      case 'NavigationProperty':
        currentType?.add(name);
        break;
      case 'EntitySet':
        declared.sets.set(name, unqualified(tag.attributes['EntityType'] ?? ''));
        break;
      case 'FunctionImport':
        currentFunction = { name, returns: unqualified(tag.attributes['ReturnType'] ?? '') };
        break;
      case 'Parameter':
        if (currentFunction && name === 'bindingParameter') currentFunction.bound = unqualified(tag.attributes['Type'] ?? '');
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'EntityType' || tag.name === 'ComplexType') currentType = undefined;
    if (tag.name === 'FunctionImport' && currentFunction) {
      if (currentFunction.bound && wanted(currentFunction.bound))
        declared.functions.set(`${currentFunction.bound}/${currentFunction.name}`, currentFunction.returns);
      currentFunction = undefined;
    }
  });
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (failure) break;
  }
  if (!failure) parser.close();
  if (failure) throw new Error(`1С's $metadata is not readable XML: ${failure.message}`);
  return declared;
}

/** What `requirements` name that `declared` lacks, one phrase each. */
export function missingFrom(declared: Declared, requirements: readonly ODataRequirement[]): string[] {
  const missing: string[] = [];
  for (const requirement of requirements) {
    const typeName = declared.sets.get(requirement.entitySet);
    const properties = typeName === undefined ? undefined : declared.types.get(typeName);
    if (!properties) {
      missing.push(`entity set ${requirement.entitySet}`);
      continue;
    }
    const absent = requirement.fields.filter((field) => !properties.has(field));
    if (absent.length > 0) missing.push(`${absent.length === 1 ? 'field' : 'fields'} ${absent.join(', ')} of ${requirement.entitySet}`);
    for (const [fn, resultFields] of Object.entries(requirement.functions ?? {})) {
      const returns = declared.functions.get(`${typeName}/${fn}`);
      if (returns === undefined) {
        missing.push(`function ${fn} of ${requirement.entitySet}`);
        continue;
      }
      const result = declared.types.get(returns);
      const absentResult = resultFields.filter((field) => !result?.has(field));
      if (absentResult.length > 0) missing.push(`${absentResult.join(', ')} in the result of ${requirement.entitySet}/${fn}`);
    }
  }
  return missing;
}

/** The response body as text chunks, decoded as {@link decodeBody} does (UTF-8 whatever is declared). */
async function* textChunks(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const bytes of body) yield decoder.decode(bytes, { stream: true });
  yield decoder.decode();
}

/**
 * Start-up check: streams `<service>/$metadata` and throws {@link ODataPublicationError} naming
 * everything the connector uses that 1С does not publish. Failing to reach 1С throws ODataError.
 */
export async function checkODataMetadata(options: ODataTransportOptions, requirements: readonly ODataRequirement[]): Promise<void> {
  const credentials = basicCredentials(options.username, options.password);
  const url = `${options.serviceUrl.replace(/\/+$/, '')}/$metadata`;
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      headers: { authorization: `Basic ${credentials}` },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw odataFetchFailure('GET', '$metadata', error, options.timeoutMs);
  }
  const xml = /xml/.test(response.headers.get('content-type') ?? '');
  if (!response.ok || !xml || !response.body) {
    const text = decodeBody(await response.arrayBuffer());
    throw (
      failureOfAnswer('GET $metadata', response, text, (t) => redactText(t, [options.password, credentials])) ??
      new ODataError(`1c GET $metadata answered ${response.headers.get('content-type') ?? 'no content type'} instead of XML`, {
        system: '1c',
        status: response.status,
        code: 'bad_response',
        retryable: false,
      })
    );
  }
  const missing = missingFrom(await readDeclared(textChunks(response.body), requirements), requirements);
  if (missing.length > 0) throw new ODataPublicationError(missing);
}

/**
 * {@link checkODataMetadata}, asked again while 1С cannot be reached or answers 5xx (the stack
 * starting together, a publication waking up), for up to `waitMs`; any other answer is final.
 */
export async function awaitODataPublication(
  options: ODataTransportOptions,
  requirements: readonly ODataRequirement[],
  { waitMs = 30_000, pauseMs = 500 }: { waitMs?: number; pauseMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await checkODataMetadata(options, requirements);
    } catch (error) {
      if (!(error instanceof ODataError) || !error.retryable || Date.now() >= deadline) throw error;
      await sleep(pauseMs);
    }
  }
}
