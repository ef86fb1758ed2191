import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION, CONSENT_VERSIONS, isValidSource, parseFirstName } from '../../../../src/lib/newsletter/fields';
import { csvCell, toCsv } from '../../../../src/server/csv';

describe('parseFirstName', () => {
	it('treats a missing or blank name as not given', () => {
		expect(parseFirstName(undefined)).toEqual({ ok: true, firstName: null });
		expect(parseFirstName('   ')).toEqual({ ok: true, firstName: null });
	});

	it('accepts names in any script, with apostrophes, hyphens and dots', () => {
		for (const name of ['Ada', "D'Arcy", 'Jean-Luc', 'Zoë', 'José María', 'J.', 'J. R.', 'Ólafur', 'Дмитрий', '美咲', 'Nguyễn']) {
			expect(parseFirstName(name), name).toEqual({ ok: true, firstName: name.normalize('NFC') });
		}
	});

	it('refuses anything that could turn the greeting into a spam link', () => {
		for (const name of ['http://spam.example', 'Bob <b@example.com>', 'www.example.com/x', 'www.spam.example', 'R2D2', '<script>']) {
			expect(parseFirstName(name), name).toEqual({ ok: false, problem: 'characters' });
		}
	});

	it('refuses control characters and line breaks', () => {
		expect(parseFirstName('Ada\r\nBcc: x@example.com')).toEqual({ ok: false, problem: 'characters' });
	});

	it('refuses more than 50 characters', () => {
		expect(parseFirstName('A'.repeat(51))).toEqual({ ok: false, problem: 'tooLong' });
		expect(parseFirstName('A'.repeat(50)).ok).toBe(true);
	});
});

describe('isValidSource', () => {
	it('accepts the sources the forms send', () => {
		for (const source of ['lesson:accept-invitations', 'course-end', 'footer:/about/', 'newsletter-page'])
			expect(isValidSource(source), source).toBe(true);
	});

	it('refuses anything else', () => {
		for (const source of ['', 'Lesson', '<b>', 'x'.repeat(121), 'a b', 42]) expect(isValidSource(source), String(source)).toBe(false);
	});
});

describe('consent versions', () => {
	it('always accept the current version', () => {
		expect(CONSENT_VERSIONS).toContain(CONSENT_VERSION);
	});
});

describe('csv', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+cmd@example.com')).toBe("'+cmd@example.com");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
	});

	it('writes empty cells for missing values and CRLF line ends', () => {
		expect(toCsv(['a', 'b'], [[null, 1]])).toBe('a,b\r\n,1\r\n');
	});
});
