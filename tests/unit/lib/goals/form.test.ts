import { describe, expect, it } from 'vitest';
import { validateGoalInput, type GoalInput } from '../../../../src/lib/goals/form';
import strings from '../../../../src/i18n/en.json';

const input = (changes: Partial<GoalInput> = {}): GoalInput => ({ text: 'Call Sam', targetDate: '', notes: '', ...changes });

describe('validateGoalInput', () => {
	it('trims the text and leaves out an empty date and empty notes', () => {
		expect(validateGoalInput(input({ text: '  Call Sam  ', notes: '   ' }))).toEqual({ ok: true, fields: { text: 'Call Sam' } });
	});

	it('keeps a date and notes, with line breaks as LF and tabs as spaces', () => {
		expect(validateGoalInput(input({ targetDate: '2026-04-30', notes: ' First\r\nSecond\tthird \n' }))).toEqual({
			ok: true,
			fields: { text: 'Call Sam', targetDate: '2026-04-30', notes: 'First\nSecond third' },
		});
	});

	it('allows a date in the past (the goal is then overdue)', () => {
		expect(validateGoalInput(input({ targetDate: '2001-01-01' })).ok).toBe(true);
	});

	it('allows exactly 200 characters of text and 1000 of notes', () => {
		expect(validateGoalInput(input({ text: 'x'.repeat(200), notes: 'n'.repeat(1000) })).ok).toBe(true);
	});

	it.each<[string, Partial<GoalInput>, Record<string, string>]>([
		['empty text', { text: '' }, { text: 'goals.error.textEmpty' }],
		['text of spaces only', { text: '   ' }, { text: 'goals.error.textEmpty' }],
		['text over 200 characters', { text: 'x'.repeat(201) }, { text: 'goals.error.textLong' }],
		['201 characters with spaces trimmed to 200', { text: ` ${'x'.repeat(200)} ` }, {}],
		['a control character in the text', { text: 'Call\u0007Sam' }, { text: 'goals.error.textControl' }],
		['an impossible date', { targetDate: '2026-02-30' }, { targetDate: 'goals.error.date' }],
		['a date in another format', { targetDate: '30/04/2026' }, { targetDate: 'goals.error.date' }],
		['a date the browser could not read (partly typed)', { targetDate: '', dateIncomplete: true }, { targetDate: 'goals.error.date' }],
		['notes over 1000 characters', { notes: 'n'.repeat(1001) }, { notes: 'goals.error.notesLong' }],
		['a control character in the notes', { notes: 'a\u0000b' }, { notes: 'goals.error.notesControl' }],
		[
			'every field wrong at once',
			{ text: '', targetDate: '2026-13-01', notes: 'n'.repeat(1001) },
			{ text: 'goals.error.textEmpty', targetDate: 'goals.error.date', notes: 'goals.error.notesLong' },
		],
	])('reports %s on its field', (_name, changes, errors) => {
		const result = validateGoalInput(input(changes));
		expect(result.ok ? {} : result.errors).toEqual(errors);
	});

	it('has a message in en.json for every error', () => {
		const keys = [
			'goals.error.textEmpty',
			'goals.error.textLong',
			'goals.error.textControl',
			'goals.error.date',
			'goals.error.notesLong',
			'goals.error.notesControl',
		];
		for (const key of keys) expect(strings).toHaveProperty([key]);
	});
});
