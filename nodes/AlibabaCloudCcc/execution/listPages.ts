import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** One page of a CCC listing as the caller read it: its entries and the `TotalCount` it reported. */
export interface ListedPage {
	readonly entries: readonly IDataObject[];
	readonly totalCount: number;
}

export interface Paging {
	/** Entries per page to ask for (CCC takes 1 to 100). */
	readonly pageSize: number;
	/** CCC's last page number (100 for every listing here). */
	readonly maxPageNumber: number;
	/** How many entries are wanted; Infinity for all. */
	readonly wanted: number;
	/** What identifies an entry (AgentId). */
	readonly keyOf: (entry: IDataObject) => string;
	/** What the entries are, for messages: "agents". */
	readonly noun: string;
	/** What narrows a listing that is too long, for the message that says so. */
	readonly narrowing: string;
	/** Which entries to keep, when the listing is narrowed here rather than by CCC; `wanted` counts those kept. */
	readonly keep?: (entry: IDataObject) => boolean;
}

/** How many times a listing that moved under us is read again from its first page. */
export const LISTING_PASSES = 3;

/** Why a pass did not give a complete listing. */
type Incomplete = { readonly moved: string } | { readonly tooMany: number; readonly pageSize: number };

/** Entries in CCC's order, each once, with the pages they came from. */
export interface Listing<Page extends ListedPage> {
	readonly entries: IDataObject[];
	readonly pages: Page[];
}

/**
 * One read of the listing from page 1. CCC pages by offset over a live list, so an entry that joins or leaves it
 * between two pages shifts the rest: that shows as a `TotalCount` that changes, an entry seen twice, or a page that
 * ends before `TotalCount` does. A gateway that serves fewer per page than asked says so on page 1 (a short page
 * with more to come), and its page size is used from page 2 on, so that page numbers keep meaning the offsets read.
 */
async function readPass<Page extends ListedPage>(
	fetchPage: (pageNumber: number, pageSize: number) => Promise<Page>,
	paging: Paging,
): Promise<Listing<Page> | Incomplete> {
	const { keep, wanted, maxPageNumber, noun } = paging;
	const seen = new Set<string>();
	const entries: IDataObject[] = [];
	const pages: Page[] = [];
	let pageSize = paging.pageSize;
	let total = 0;
	for (let pageNumber = 1; ; pageNumber++) {
		const page = await fetchPage(pageNumber, pageSize);
		pages.push(page);
		if (pageNumber === 1) total = page.totalCount;
		else if (page.totalCount !== total) return { moved: `TotalCount was ${total} on page 1 and ${page.totalCount} on page ${pageNumber}` };
		for (const entry of page.entries) {
			const key = paging.keyOf(entry);
			if (seen.has(key)) return { moved: `${key} was listed on two pages` };
			seen.add(key);
			if (!keep || keep(entry)) entries.push(entry);
		}
		if (seen.size > total) return { moved: `${seen.size} ${noun} were listed where TotalCount is ${total}` };
		if (entries.length >= wanted || seen.size >= total) return { entries: entries.slice(0, wanted), pages };
		if (page.entries.length < pageSize) {
			if (pageNumber > 1 || page.entries.length === 0) return { moved: `page ${pageNumber} ended after ${seen.size} of ${total} ${noun}` };
			pageSize = page.entries.length;
		}
		// Known once the page size is: a listing that needs more pages than CCC serves is refused before they are read
		// (where entries are kept here, how far a Limit reaches is known only by reading).
		const needed = keep && Number.isFinite(wanted) ? 0 : Math.min(total, wanted);
		if (pageNumber === maxPageNumber || Math.ceil(needed / pageSize) > maxPageNumber) return { tooMany: total, pageSize };
	}
}

/**
 * Every entry of a paged CCC listing once (up to `wanted`), or an error that says why not: never a silent short or
 * doubled list. A listing that moved while it was read is read again, up to `LISTING_PASSES` times in all.
 */
export async function listPages<Page extends ListedPage>(
	node: INode,
	itemIndex: number,
	fetchPage: (pageNumber: number, pageSize: number) => Promise<Page>,
	paging: Paging,
): Promise<Listing<Page>> {
	let moved = '';
	for (let pass = 1; pass <= LISTING_PASSES; pass++) {
		const result = await readPass(fetchPage, paging);
		if ('tooMany' in result) {
			throw new NodeOperationError(
				node,
				`The query of item ${itemIndex} matches ${result.tooMany} ${paging.noun}; CCC lists at most ${paging.maxPageNumber * result.pageSize} per query (${paging.maxPageNumber} pages of ${result.pageSize})`,
				{ description: paging.narrowing, itemIndex },
			);
		}
		if ('entries' in result) return result;
		moved = result.moved;
	}
	throw new NodeOperationError(
		node,
		`CCC's list of ${paging.noun} did not read whole for item ${itemIndex} in ${LISTING_PASSES} reads (last: ${moved}), so some ${paging.noun} would be missing or listed twice`,
		{
			description: `The list changed while it was read page by page, or the gateway serves pages that do not add up to its TotalCount: run it again, or narrow the query so that it fits on one page`,
			itemIndex,
		},
	);
}
