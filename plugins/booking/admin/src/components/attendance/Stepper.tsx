import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import { TouchButton } from './TouchButton';

const NumberBox = styled.input`
  width: 96px;
  min-height: 56px;
  font-size: 2.4rem;
  font-weight: 600;
  text-align: center;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 2px solid ${({ theme }) => theme.colors.neutral500};
  background: ${({ theme }) => theme.colors.neutral0};
  color: ${({ theme }) => theme.colors.neutral800};

  &[aria-invalid='true'] {
    border-color: ${({ theme }) => theme.colors.danger600};
  }
  &:focus-visible {
    outline: 3px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

interface StepperProps {
  label: string;
  /** As typed, so a half-typed number is not thrown away; the caller checks it. */
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  decreaseLabel: string;
  increaseLabel: string;
  error?: string;
  hint?: string;
  disabled?: boolean;
  name: string;
}

/** A count staff change with − and + (large, for a finger) or type; what was typed is kept even when it is not a number yet. */
export const Stepper = ({ label, value, onChange, min, max, decreaseLabel, increaseLabel, error, hint, disabled, name }: StepperProps) => {
  const id = React.useId();
  const current = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const step = (by: number) => onChange(String(Math.min(max, Math.max(min, (current ?? min) + by))));
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography tag="label" htmlFor={id} variant="omega" fontWeight="bold">
        {label}
      </Typography>
      <Flex gap={2}>
        <TouchButton type="button" $tone="neutral" aria-label={decreaseLabel} disabled={disabled || (current !== null && current <= min)} onClick={() => step(-1)}>
          −
        </TouchButton>
        <NumberBox
          id={id}
          name={name}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
        <TouchButton type="button" $tone="neutral" aria-label={increaseLabel} disabled={disabled || (current !== null && current >= max)} onClick={() => step(1)}>
          +
        </TouchButton>
      </Flex>
      {hint && (
        <Typography id={`${id}-hint`} variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      )}
      {error && (
        <Typography id={`${id}-error`} variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
