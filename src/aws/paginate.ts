// Every paginated read goes through here: it asks for the API's largest page, follows the token, and collects the
// items. A token that comes back twice, or more pages than any real answer has, is an error naming the operation:
// a broken or hostile endpoint must not hold the run in a loop until its deadline.
import { FactError } from '../core/failure.js';

/** What an SDK command class's instances answer with (smithy's Command resolves to a handler giving `output`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type OutputOf<C> = C extends new (...args: any[]) => { resolveMiddleware(...args: any[]): (...args: any[]) => Promise<{ output: infer O }> }
  ? O
  : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CommandClass<Input> = new (input: Input) => { resolveMiddleware(...args: any[]): unknown };

export interface PageShape<Output, Item> {
  /** The items of one page, e.g. `(page) => page.RouteTables`. */
  items: (page: Output) => readonly Item[] | undefined;
  /** The request field for the page size and the largest value the API takes, e.g. `['MaxResults', 100]`. */
  pageSize?: readonly [field: string, size: number];
  /** The token's request and response fields (NextToken for both unless given). */
  tokens?: readonly [input: string, output: string];
}

/** Far above any real answer (5,000 WorkSpaces are 200 pages of 25), far below a loop that never ends. */
export const MAX_PAGES = 2000;

export async function paginate<Input extends object, C extends CommandClass<Input>, Item>(
  client: { send(command: never): Promise<unknown> },
  Command: C & CommandClass<Input>,
  input: Input,
  shape: PageShape<OutputOf<C>, Item>,
): Promise<Item[]> {
  const [inputToken, outputToken] = shape.tokens ?? ['NextToken', 'NextToken'];
  const operation = Command.name.replace(/Command$/, '');
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; ; pages++) {
    if (pages === MAX_PAGES) {
      throw new FactError({ kind: 'error', message: `${operation} was still paging after ${MAX_PAGES} pages: stopped` });
    }
    const request = {
      ...input,
      ...(shape.pageSize ? { [shape.pageSize[0]]: shape.pageSize[1] } : {}),
      ...(token ? { [inputToken]: token } : {}),
    } as Input;
    const page = (await client.send(new Command(request) as never)) as OutputOf<C>;
    items.push(...(shape.items(page) ?? []));
    const next = (page as Record<string, unknown>)[outputToken];
    if (typeof next !== 'string' || next === '') return items;
    if (seen.has(next)) {
      throw new FactError({ kind: 'error', message: `${operation} returned a page token it had already returned: stopped paging` });
    }
    seen.add(next);
    token = next;
  }
}
