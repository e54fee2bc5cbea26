import { errors } from '@strapi/utils';
import { openingHoursProblem } from '../../opening-hours';

/** Refuses weekly hours the site could not show, with the reason, before they are saved. */
const checkOpeningHours = (data: Record<string, unknown> | undefined) => {
  if (!data || !('defaultOpeningHours' in data)) return;
  let value = data.defaultOpeningHours;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      // reported below as not an object
    }
  }
  const problem = openingHoursProblem(value);
  if (problem) {
    throw new errors.ValidationError(`默认开放时间格式有误 / Default opening hours are invalid: ${problem}`, {
      errors: [{ path: ['defaultOpeningHours'], message: problem, name: 'ValidationError' }],
    });
  }
};

export default {
  beforeCreate(event: { params: { data?: Record<string, unknown> } }) {
    checkOpeningHours(event.params.data);
  },
  beforeUpdate(event: { params: { data?: Record<string, unknown> } }) {
    checkOpeningHours(event.params.data);
  },
};
