import { styled } from 'styled-components';

type Tone = 'success' | 'danger' | 'primary' | 'neutral';

/**
 * A button sized for a finger on a tablet (at least 56×56 CSS px, above the 44 px guideline), filled
 * when pressed. Staff tap these standing at the door, so they are large and plainly coloured.
 */
export const TouchButton = styled.button<{ $tone: Tone; $pressed?: boolean; $wide?: boolean }>`
  min-width: ${({ $wide }) => ($wide ? '112px' : '56px')};
  min-height: 56px;
  padding: 0 ${({ theme }) => theme.spaces[4]};
  font-size: 1.8rem;
  font-weight: 600;
  line-height: 1.2;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 2px solid ${({ theme, $tone }) => theme.colors[`${$tone}600`]};
  background: ${({ theme, $tone, $pressed }) => ($pressed ? theme.colors[`${$tone}600`] : theme.colors.neutral0)};
  color: ${({ theme, $tone, $pressed }) => ($pressed ? theme.colors.neutral0 : theme.colors[`${$tone}700`])};
  cursor: pointer;
  touch-action: manipulation;
  -webkit-tap-highlight-color: transparent;

  &:focus-visible {
    outline: 3px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }

  &:disabled {
    cursor: not-allowed;
    border-color: ${({ theme }) => theme.colors.neutral300};
    background: ${({ theme }) => theme.colors.neutral150};
    color: ${({ theme }) => theme.colors.neutral600};
  }
`;
