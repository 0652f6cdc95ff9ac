import {
  Badge,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { minorDigits } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useTenant } from '../../../layout/tenant-context.ts';
import { fieldOf, isMaskedSecret, type JsonSchema, parseIntegerList, withoutNull } from './schema-form.ts';

export interface SchemaFieldProps {
  schema: JsonSchema;
  /** the field's path in the setting (`pesapal.consumerKey`; '' for the setting itself) */
  path: string;
  /** the label when the schema has no title (the property's name) */
  name: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** the API's messages by path */
  errors: Record<string, string>;
  readOnly: boolean;
  required?: boolean;
}

/** One field of a setting's form, chosen by its JSON Schema; an object renders its fields inside. */
export function SchemaField(props: SchemaFieldProps) {
  const { t, number } = useI18n();
  const tenant = useTenant();
  const labels = t.settings;
  const schema = withoutNull(props.schema);
  const field = fieldOf(props.schema);
  const label = String(schema.title ?? props.name);
  const description = schema.description ? String(schema.description) : undefined;
  // a list's items are named by index (`allowedOrigins.0`): shown on the list
  const error =
    field.kind === 'text-list' || field.kind === 'integer-list'
      ? listErrors(props.errors, props.path)
      : props.errors[props.path];
  const common = {
    label,
    description,
    error,
    readOnly: props.readOnly,
    disabled: props.readOnly,
    required: props.required,
  };
  const { value, onChange } = props;
  const asNumber = (v: number | string) => (v === '' ? undefined : typeof v === 'number' ? v : Number(v));

  switch (field.kind) {
    case 'secret':
      return <SecretField {...props} label={label} description={description} error={error} />;
    case 'boolean':
      return (
        <Switch
          label={label}
          description={description}
          error={error}
          disabled={props.readOnly}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? undefined)}
          clearable={!props.required}
          allowDeselect={!props.required}
        />
      );
    case 'money': {
      const digits = minorDigits(tenant.currency);
      const scale = 10 ** digits;
      return (
        <NumberInput
          {...common}
          label={`${label} (${tenant.currency})`}
          min={field.min / scale}
          decimalScale={digits}
          thousandSeparator
          value={typeof value === 'number' ? value / scale : ''}
          onChange={(v) => {
            const n = asNumber(v);
            onChange(n === undefined ? undefined : Math.round(n * scale));
          }}
        />
      );
    }
    case 'bps':
      return (
        <NumberInput
          {...common}
          description={[description, typeof value === 'number' ? labels.percent(number(value / 100)) : null]
            .filter(Boolean)
            .join(' · ')}
          min={field.min}
          max={field.max}
          allowDecimal={false}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(asNumber(v))}
        />
      );
    case 'integer':
      return (
        <NumberInput
          {...common}
          min={field.min}
          max={field.max}
          allowDecimal={false}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(asNumber(v))}
        />
      );
    case 'text':
      return (
        <TextInput
          {...common}
          type={field.format === 'uri' ? 'url' : field.format === 'email' ? 'email' : 'text'}
          maxLength={field.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'text-list': {
      const items = withoutNull((schema.items ?? {}) as JsonSchema);
      return (
        <TagsInput
          {...common}
          description={[description, items.description].filter(Boolean).join(' · ') || undefined}
          placeholder={labels.addItem}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(v) => onChange(v)}
        />
      );
    }
    case 'integer-list':
      return <IntegerListField {...common} value={value} onChange={onChange} />;
    case 'object':
      return (
        <ObjectFields
          {...props}
          label={props.path === '' ? undefined : label}
          description={props.path === '' ? undefined : description}
          properties={field.properties}
          requiredNames={field.required}
        />
      );
    case 'unsupported':
      return (
        <TextInput {...common} readOnly disabled value={JSON.stringify(value ?? null)} onChange={() => {}} />
      );
  }
}

function listErrors(errors: Record<string, string>, path: string): string | undefined {
  const prefix = path === '' ? '' : `${path}.`;
  const messages = Object.entries(errors)
    .filter(([p]) => p === path || (p.startsWith(prefix) && /^\d+$/.test(p.slice(prefix.length))))
    .map(([p, m]) => (p === path ? m : `#${Number(p.slice(prefix.length)) + 1}: ${m}`));
  return messages.length > 0 ? messages.join('; ') : undefined;
}

function ObjectFields(
  props: SchemaFieldProps & {
    label?: string;
    description?: string;
    properties: [string, JsonSchema][];
    requiredNames: string[];
  },
) {
  const record = (props.value && typeof props.value === 'object' ? props.value : {}) as Record<
    string,
    unknown
  >;
  const fields = (
    <Stack gap="sm">
      {props.properties.map(([name, sub]) => {
        const path = props.path === '' ? name : `${props.path}.${name}`;
        return (
          <SchemaField
            key={name}
            schema={sub}
            path={path}
            name={name}
            value={record[name]}
            onChange={(v) => props.onChange({ ...record, [name]: v })}
            errors={props.errors}
            readOnly={props.readOnly}
            required={props.requiredNames.includes(name)}
          />
        );
      })}
      {props.errors[props.path] && props.path !== '' && (
        <Text size="sm" c="red.8" role="alert">
          {props.errors[props.path]}
        </Text>
      )}
    </Stack>
  );
  if (props.label === undefined) return fields;
  return (
    <Fieldset legend={props.label} variant="filled">
      {props.description && (
        <Text size="sm" c="gray.7" mb="xs">
          {props.description}
        </Text>
      )}
      {fields}
    </Fieldset>
  );
}

/** A stored secret is never shown: `set · …last4`, and a field to type a replacement. */
function SecretField(props: SchemaFieldProps & { label: string; description?: string; error?: string }) {
  const { t } = useI18n();
  const labels = t.settings;
  const [stored] = useState(() => (isMaskedSecret(props.value) ? props.value : null));
  const replacement = typeof props.value === 'string' ? props.value : '';
  return (
    <Stack gap={4}>
      <PasswordInput
        label={props.label}
        description={props.description}
        error={props.error}
        required={props.required && !stored?.set}
        disabled={props.readOnly}
        placeholder={stored?.set ? labels.replaceSecret : undefined}
        autoComplete="new-password"
        value={replacement}
        // an emptied replacement keeps the stored secret
        onChange={(e) => props.onChange(e.currentTarget.value === '' ? stored : e.currentTarget.value)}
      />
      <Group gap="xs">
        <Badge variant="light" color={stored?.set ? 'teal.9' : 'gray.8'}>
          {stored?.set ? labels.secretSet(stored.last4 ?? null) : labels.secretUnset}
        </Badge>
      </Group>
    </Stack>
  );
}

function IntegerListField(props: {
  label: string;
  description?: string;
  error?: string;
  readOnly: boolean;
  required?: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => (Array.isArray(props.value) ? props.value.join(', ') : ''));
  const parsed = parseIntegerList(text);
  return (
    <TextInput
      label={props.label}
      description={[props.description, t.settings.commaSeparated].filter(Boolean).join(' · ')}
      error={props.error ?? (parsed === null ? t.settings.wholeNumbers : undefined)}
      readOnly={props.readOnly}
      disabled={props.readOnly}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const numbers = parseIntegerList(next);
        if (numbers) props.onChange(numbers.length === 0 ? undefined : numbers);
      }}
    />
  );
}
