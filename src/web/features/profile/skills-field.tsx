import { Chips } from '../../ui/chips.tsx';
import { TextField } from '../../ui/field.tsx';

/** "TypeScript, Hiring,  typescript" → ["TypeScript", "Hiring"]: trimmed, no blanks, no repeats. */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  const skills: string[] = [];
  for (const raw of text.split(',')) {
    const skill = raw.trim();
    const key = skill.toLowerCase();
    if (skill && !seen.has(key)) {
      seen.add(key);
      skills.push(skill);
    }
  }
  return skills;
}

type SkillsFieldProps = { value: string; onChange: (text: string) => void; error?: string };

/** Skills typed as a comma-separated list, previewed as chips. */
export function SkillsField({ value, onChange, error }: SkillsFieldProps) {
  return (
    <div>
      <TextField
        label="Skills"
        name="skills"
        value={value}
        error={error}
        hint="Separate skills with commas, e.g. Product management, Public speaking"
        onChange={(event) => onChange(event.target.value)}
      />
      <Chips items={parseSkills(value)} />
    </div>
  );
}
