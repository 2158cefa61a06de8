// Reads the calendar export (src/domain/ics.rs) with ical.js, an independent RFC 5545 parser,
// so browser tests can check what a calendar app would see. A helper module, no tests here.

import ICAL from 'ical.js';

/**
 * Parses iCalendar text and returns its events as plain objects:
 * `{ uid, summary, description, start, allDay, end, duration, sequence }`. `start` and `end`
 * are ISO strings as written ("2026-11-23" for a day, "2026-11-24T09:30:00" for a floating
 * time); an event has either `end` or `duration` ("PT90M"), the other is `null`.
 * Throws if ical.js cannot parse the text or the top component is not one VCALENDAR.
 */
export function parseIcs(text) {
  const jcal = ICAL.parse(text);
  if (!Array.isArray(jcal) || typeof jcal[0] !== 'string' || jcal[0] !== 'vcalendar') {
    throw new Error(`expected one VCALENDAR, got ${JSON.stringify(jcal).slice(0, 80)}`);
  }
  const calendar = new ICAL.Component(jcal);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const value = (name) => vevent.getFirstPropertyValue(name);
    const start = value('dtstart');
    const end = value('dtend');
    const duration = value('duration');
    return {
      uid: value('uid'),
      summary: value('summary'),
      description: value('description'),
      start: start ? start.toString() : null,
      allDay: Boolean(start && start.isDate),
      end: end ? end.toString() : null,
      duration: duration ? duration.toString() : null,
      sequence: value('sequence'),
    };
  });
}
