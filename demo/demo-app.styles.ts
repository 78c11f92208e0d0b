import { css } from 'lit';

/** The demo app's look: a dark header bar over cards. */
export const demoAppStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 12px 24px;
    align-items: center;
    padding: 12px 32px;
    background: #0b3d5c;
    color: #fff;
  }
  .bar h1 {
    margin: 0;
    font-size: 20px;
  }
  .bar nav {
    display: flex;
    gap: 4px;
  }
  .bar a {
    color: #fff;
    text-decoration: none;
    padding: 6px 12px;
    border-radius: 6px;
  }
  .bar a[aria-current='page'] {
    background: rgb(255 255 255 / 0.16);
  }
  .spacer {
    flex: 1;
  }
  .bar label {
    font-size: 13px;
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .bar select,
  .bar button {
    font: inherit;
    font-size: 13px;
    padding: 5px 8px;
    border-radius: 6px;
    border: 1px solid rgb(255 255 255 / 0.4);
    background: rgb(255 255 255 / 0.1);
    color: #fff;
  }
  .bar option {
    color: #1f2328;
  }
  main {
    max-width: 1240px;
    margin: 20px auto;
    padding: 0 24px;
  }
  .intro {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 8px 24px;
    align-items: start;
    margin-bottom: 16px;
  }
  .intro h2 {
    margin: 0;
    font-size: 22px;
  }
  .intro p {
    grid-column: 1 / -1;
    margin: 0;
    color: #57606a;
    max-width: 70ch;
  }
  @media (max-width: 600px) {
    .intro {
      grid-template-columns: minmax(0, 1fr);
    }
    .intro code {
      justify-self: start;
      max-inline-size: 100%;
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
  code {
    font-size: 12.5px;
    background: #eef1f4;
    border: 1px solid #d0d7de;
    border-radius: 6px;
    padding: 6px 10px;
    white-space: nowrap;
  }
  .persona {
    font-size: 13px;
    color: #57606a;
    margin: 0 0 16px;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    border-bottom: 1px solid #d0d7de;
    margin-bottom: 16px;
    align-items: end;
  }
  .tabs a {
    padding: 8px 14px;
    text-decoration: none;
    color: #1f2328;
    border-bottom: 2px solid transparent;
  }
  .tabs a[aria-current='page'] {
    border-bottom-color: #0969da;
    font-weight: 600;
  }
  .tabs label {
    margin-inline-start: auto;
    font-size: 13px;
    padding-bottom: 6px;
    max-inline-size: 100%;
  }
  .tabs select {
    max-inline-size: 100%;
  }
  .card {
    background: #fff;
    border: 1px solid #d0d7de;
    border-radius: 10px;
    padding: 16px 20px;
  }
  .drawer-link {
    color: #0969da;
    font-weight: 600;
  }
  .busy {
    font-size: 13px;
    color: #fff;
    opacity: 0.85;
  }
  .mode {
    font-size: 12px;
    opacity: 0.85;
  }
  .bar .mode a {
    padding: 0;
    text-decoration: underline;
  }
`;
