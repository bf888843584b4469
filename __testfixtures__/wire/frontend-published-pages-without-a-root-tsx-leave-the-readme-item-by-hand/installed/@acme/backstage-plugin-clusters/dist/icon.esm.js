import React from 'react';
import SvgIcon from '@material-ui/core/SvgIcon';

const ClustersIcon = (props) => /* @__PURE__ */ React.createElement(SvgIcon, { ...props }, /* @__PURE__ */ React.createElement("path", { d: "M4 4h16v16H4z" }));

export { ClustersIcon };
//# sourceMappingURL=icon.esm.js.map
