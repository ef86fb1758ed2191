/**
 * CSV for the subscriber export (RFC 4180), safe to open in a spreadsheet:
 * a cell that starts with = + - @ or a tab/CR would run as a formula in
 * Excel or LibreOffice, and `=cmd@example.com` is a valid email address,
 * so such cells are prefixed with an apostrophe (OWASP "CSV injection").
 */

/** One cell: quoted when needed, formula-neutralised. `null` becomes an empty cell. */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document with a header row, CRLF line ends as RFC 4180 asks. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
