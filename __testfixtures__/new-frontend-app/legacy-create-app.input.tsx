import { createApp } from '@backstage/app-defaults';

const app = createApp({});
export default app.createRoot(<div />);
