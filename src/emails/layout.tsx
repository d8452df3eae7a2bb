import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';

export type EmailAction = { label: string; url: string };

const page = { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif' };
const card = {
  backgroundColor: '#ffffff',
  borderRadius: '8px',
  margin: '24px auto',
  padding: '24px',
  maxWidth: '560px',
};
const button = {
  backgroundColor: '#2f5bd3',
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontWeight: 600,
  marginRight: '12px',
  padding: '10px 18px',
  textDecoration: 'none',
};
const muted = { color: '#5f6673', fontSize: '13px' };

/**
 * The frame every Confer email shares: who sends it (the organisation), the
 * heading, the content, the buttons that open the right page, and why the
 * reader receives it.
 */
export function EmailLayout(props: {
  orgName: string | null;
  preview: string;
  heading: string;
  actions: EmailAction[];
  footer: string;
  /** the one-click unsubscribe of an email that can be switched off (also in its headers) */
  unsubscribe?: { url: string; what: string } | null;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={muted}>{props.orgName ? `${props.orgName} · Confer` : 'Confer'}</Text>
          <Heading as="h1" style={{ fontSize: '20px', margin: '8px 0 16px' }}>
            {props.heading}
          </Heading>
          {props.children}
          {props.actions.length > 0 ? (
            <Section style={{ margin: '20px 0' }}>
              {props.actions.map((action) => (
                <Button key={action.url} href={action.url} style={button}>
                  {action.label}
                </Button>
              ))}
            </Section>
          ) : null}
          <Hr />
          <Text style={muted}>{props.footer}</Text>
          {props.unsubscribe ? (
            <Text style={muted}>
              <Link href={props.unsubscribe.url} style={muted}>
                Unsubscribe from {props.unsubscribe.what}
              </Link>{' '}
              or choose what you receive in Confer under Account → Notifications.
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
