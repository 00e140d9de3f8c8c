import { SettingsSchema, type Settings } from '../model';
import type { ShelfDB } from './schema';

/** The user's settings; a missing or damaged value falls back to its default. */
export async function getSettings(db: ShelfDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const raw = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export async function setSettings(db: ShelfDB, change: Partial<Settings>) {
  await db.settings.bulkPut(Object.entries(change).map(([key, value]) => ({ key, value })));
}
