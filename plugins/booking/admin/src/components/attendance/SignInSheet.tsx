import * as React from 'react';
import { createPortal } from 'react-dom';
import { useFetchClient } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { Roster } from '../../../../shared/contracts/session-roster';
import { PLUGIN_ID } from '../../pluginId';
import { maskPhone } from '../../utils/mask-phone';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { schoolGradeLabel } from '../../../../shared/school-grade';

/** Blank lines under the roster for residents who come without enrolling. */
const WALK_IN_LINES = 8;
const ROOT_ID = 'linli-signin-sheet';

/**
 * The sheet covers Strapi's panel on screen and is the only thing printed: it is rendered straight
 * into <body>, and print hides every other child of <body>.
 */
const SHEET_CSS = `
@page { size: A4; margin: 14mm 12mm; }
#${ROOT_ID} { position: fixed; inset: 0; z-index: 2147483000; overflow: auto; background: #fff; color: #000;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; font-size: 12pt; line-height: 1.35; }
#${ROOT_ID} .toolbar { display: flex; gap: 12px; justify-content: flex-end; padding: 12px 16px; border-bottom: 1px solid #bbb; background: #f4f4f4; }
#${ROOT_ID} .toolbar button { min-height: 48px; min-width: 120px; padding: 0 20px; font-size: 16px; font-weight: 600; border-radius: 6px; border: 2px solid #1c2c7c; cursor: pointer; }
#${ROOT_ID} .toolbar .print { background: #1c2c7c; color: #fff; }
#${ROOT_ID} .toolbar .close { background: #fff; color: #1c2c7c; }
#${ROOT_ID} .toolbar button:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
#${ROOT_ID} .sheet { max-width: 186mm; margin: 0 auto; padding: 16px 0 32px; }
#${ROOT_ID} h1 { font-size: 20pt; margin: 0 0 4pt; }
#${ROOT_ID} .activity { font-size: 16pt; font-weight: 700; margin: 0 0 6pt; }
#${ROOT_ID} dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0 0 10pt; }
#${ROOT_ID} dt { font-weight: 700; }
#${ROOT_ID} dd { margin: 0; }
#${ROOT_ID} table { width: 100%; border-collapse: collapse; table-layout: fixed; }
#${ROOT_ID} th, #${ROOT_ID} td { border: 1px solid #000; padding: 3pt 5pt; text-align: start; vertical-align: middle; }
#${ROOT_ID} th { font-size: 10pt; background: #eee; }
#${ROOT_ID} td { height: 10mm; }
#${ROOT_ID} .no { width: 13mm; text-align: center; }
#${ROOT_ID} .phone { width: 32mm; }
#${ROOT_ID} .people { width: 16mm; text-align: center; }
#${ROOT_ID} .signature { width: 62mm; }
#${ROOT_ID} .child-details { display: block; font-size: 9.5pt; }
#${ROOT_ID} .group td { height: auto; font-weight: 700; background: #f4f4f4; }
#${ROOT_ID} .totals { display: flex; gap: 18pt; margin-top: 10pt; flex-wrap: wrap; }
#${ROOT_ID} .totals span { white-space: nowrap; }
#${ROOT_ID} .blank { display: inline-block; min-width: 28mm; border-bottom: 1px solid #000; }
@media print {
  html, body { height: auto !important; overflow: visible !important; background: #fff !important; }
  body > *:not(#${ROOT_ID}) { display: none !important; }
  #${ROOT_ID} { position: static; overflow: visible; }
  #${ROOT_ID} .toolbar { display: none; }
  #${ROOT_ID} .sheet { max-width: none; padding: 0; }
  #${ROOT_ID} tr { break-inside: avoid; }
}
`;

/** The sheet's words: Chinese first, English second, whatever the panel's language, as residents of both read it. */
const W = {
  heading: '签到表 Sign-in sheet',
  when: '日期时间 Date & time',
  room: '地点 Room',
  enrolled: '报名 Enrolled',
  people: (n: number) => `${n} 人 people`,
  cancelled: '已取消 Cancelled',
  no: ['序号', 'No.'],
  name: ['姓名', 'Name'],
  phone: ['电话（后四位）', 'Phone (last 4)'],
  party: ['人数', 'People'],
  signature: ['签名', 'Signature'],
  walkIns: '散客（未报名）请在下方签名 Walk-ins (not enrolled): please sign below',
  walkInTotal: '散客人数 Walk-ins',
  visits: '合计人次 Person-visits',
  recorder: '记录人 Recorded by',
  guardian: '监护人 Guardian',
  collect: '可接送 May collect',
  onlyGuardian: '仅监护人接送 Guardian only',
  print: '打印 Print',
  close: '关闭 Close',
  loading: '正在载入… Loading…',
  failed: '无法载入签到表 The sign-in sheet could not be loaded.',
};

const Heading = ({ words }: { words: string[] }) => (
  <>
    {words[0]}
    <br />
    {words[1]}
  </>
);

/** The printable A4 sign-in sheet (签到表) of one session: the confirmed, numbered as on the roster, and blank lines for walk-ins. */
export const SignInSheet = () => {
  const { sessionId } = useParams<{ sessionId: string }>();
  const { get } = useFetchClient();
  const [roster, setRoster] = React.useState<Roster | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get<{ data: Roster }>(`/${PLUGIN_ID}/sessions/${sessionId}/enrolments`)
      .then(({ data }) => live && setRoster(data.data))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get, sessionId]);

  React.useEffect(() => {
    if (!roster) return;
    const before = document.title;
    document.title = `${W.heading} – ${roster.activity.title ?? ''} ${roster.session.start.slice(0, 10)}`;
    return () => {
      document.title = before;
    };
  }, [roster]);

  const s = roster?.session;
  const sheet = (
    <div id={ROOT_ID} lang="zh-Hans">
      <style>{SHEET_CSS}</style>
      <div className="toolbar">
        <button type="button" className="print" onClick={() => window.print()} disabled={!roster}>
          {W.print}
        </button>
        <button type="button" className="close" onClick={() => window.close()}>
          {W.close}
        </button>
      </div>
      <div className="sheet">
        {!roster && <p role="status">{failed ? W.failed : W.loading}</p>}
        {roster && s && (
          <>
            <h1>{W.heading}</h1>
            <p className="activity">{roster.activity.title ?? roster.activity.slug}</p>
            <dl>
              <dt>{W.when}</dt>
              <dd>
                {occurrenceLabel(s.start, s.end, 'zh-CN')} <span lang="en">({occurrenceLabel(s.start, s.end, 'en')})</span>
              </dd>
              <dt>{W.room}</dt>
              <dd>{s.room?.name ?? '—'}</dd>
              <dt>{W.enrolled}</dt>
              <dd>{W.people(roster.totals.confirmedPeople)}</dd>
              {s.status === 'cancelled' && (
                <>
                  <dt>{W.cancelled}</dt>
                  <dd>{s.note ?? ''}</dd>
                </>
              )}
            </dl>
            <table>
              <thead>
                <tr>
                  <th className="no" scope="col"><Heading words={W.no} /></th>
                  <th scope="col"><Heading words={W.name} /></th>
                  <th className="phone" scope="col"><Heading words={W.phone} /></th>
                  <th className="people" scope="col"><Heading words={W.party} /></th>
                  <th className="signature" scope="col"><Heading words={W.signature} /></th>
                </tr>
              </thead>
              <tbody>
                {roster.confirmed.map((p, i) => (
                  <tr key={p.enrolment} data-enrolment={p.enrolment}>
                    <td className="no">{i + 1}</td>
                    <td>
                      {p.child ? (
                        // Children's activities: the child signs in; staff check who collects them against these names.
                        <>
                          {p.child.givenName}（{schoolGradeLabel(p.child.grade, 'zh-CN')}）
                          <span className="child-details">{W.guardian}: {p.name}</span>
                          <span className="child-details">
                            {p.child.collectors.length > 0 ? `${W.collect}: ${p.child.collectors.map((c) => `${c.name} ${maskPhone(c.phone)}`).join('；')}` : W.onlyGuardian}
                          </span>
                        </>
                      ) : (
                        p.name
                      )}
                    </td>
                    <td className="phone">{maskPhone(p.phone)}</td>
                    <td className="people">{p.people}</td>
                    <td className="signature" />
                  </tr>
                ))}
                <tr className="group">
                  <td colSpan={5}>{W.walkIns}</td>
                </tr>
                {Array.from({ length: WALK_IN_LINES }, (_, i) => (
                  <tr key={`walk-in-${i}`} data-walk-in-line>
                    <td className="no">{roster.confirmed.length + i + 1}</td>
                    <td />
                    <td className="phone" />
                    <td className="people" />
                    <td className="signature" />
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="totals">
              <span>{W.walkInTotal}: <span className="blank" /></span>
              <span>{W.visits}: <span className="blank" /></span>
              <span>{W.recorder}: <span className="blank" /></span>
            </p>
          </>
        )}
      </div>
    </div>
  );
  return createPortal(sheet, document.body);
};
