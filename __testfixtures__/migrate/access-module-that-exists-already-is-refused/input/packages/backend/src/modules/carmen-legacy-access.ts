// A module of the team's own, by chance at the path migrate would write.
export const carmenAccess = 'reviewed';
